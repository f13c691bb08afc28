<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>liveml::streamui::SecretStore</name>
    <message numerus="yes">
        <source>the keychain did not answer within %n s</source>
        <translation>
            <numerusform>the keychain did not answer within %n s</numerusform>
            <numerusform>the keychain did not answer within %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liveml::streamui::StreamMonitor</name>
    <message numerus="yes">
        <source>history: %n metrics records</source>
        <translation>
            <numerusform>history: %n metrics record</numerusform>
            <numerusform>history: %n metrics records</numerusform>
        </translation>
    </message>
</context>
</TS>
