<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>JobTexts</name>
    <message numerus="yes">
        <source>%n image(s) indexed</source>
        <translation>
            <numerusform>%n image indexed</numerusform>
            <numerusform>%n images indexed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) classified</source>
        <translation>
            <numerusform>%n image classified</numerusform>
            <numerusform>%n images classified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n query(s) answered</source>
        <translation>
            <numerusform>%n query answered</numerusform>
            <numerusform>%n queries answered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) compared</source>
        <translation>
            <numerusform>%n model compared</numerusform>
            <numerusform>%n models compared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::DashboardView</name>
    <message numerus="yes">
        <source> · %n drift event(s)</source>
        <translation>
            <numerusform> · %n drift event</numerusform>
            <numerusform> · %n drift events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liveml::experiments::CompareView</name>
    <message numerus="yes">
        <source>%n model(s) compared on the same inputs</source>
        <translation>
            <numerusform>%n model compared on the same inputs</numerusform>
            <numerusform>%n models compared on the same inputs</numerusform>
        </translation>
    </message>
</context>
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
<context>
    <name>liveml::studio::StreamPage</name>
    <message numerus="yes">
        <source>Learned as a %1 by %n local model(s) and sent to the stream; the trainer learns it within seconds.</source>
        <translation>
            <numerusform>Learned as a %1 by %n local model and sent to the stream; the trainer learns it within seconds.</numerusform>
            <numerusform>Learned as a %1 by %n local models and sent to the stream; the trainer learns it within seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learned as a %1 by %n local model(s); start local mode or connect to a stream to teach its trainer too.</source>
        <translation>
            <numerusform>Learned as a %1 by %n local model; start local mode or connect to a stream to teach its trainer too.</numerusform>
            <numerusform>Learned as a %1 by %n local models; start local mode or connect to a stream to teach its trainer too.</numerusform>
        </translation>
    </message>
</context>
</TS>
