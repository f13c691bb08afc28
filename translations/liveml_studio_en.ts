<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>TailRow</name>
    <message>
        <source>not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a digit_predict record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a dead letter record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::ConfusionMatrixChart</name>
    <message>
        <source>actual %1, predicted %2: %3 records (%4 % of actual %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::DashboardView</name>
    <message>
        <source>Samples seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trainer, last N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predictions, chosen N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prequential accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean log loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 10 s: total vs correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-to-end latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer lag per partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead-lettered records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records · model version %2 · run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 refused (last: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall-clock axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom (Ctrl+drag works in any mode); double-click a chart to reset it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion as row shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::LabelDistributionChart</name>
    <message>
        <source>label %1: %2 (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::LiveChart</name>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2
value: %3
smoothed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow latest data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export visible range as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::ChildProcess</name>
    <message>
        <source>could not start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::FeedbackBar</name>
    <message>
        <source>Teach the stream: is the answer right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this drawing with the model&apos;s answer as its label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this drawing labelled %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::FeedbackProducer</name>
    <message>
        <source>The label must be a digit 0-9, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1 is %2, outside 0..16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Kafka producer&apos;s queue is full; the broker may be unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::LocalStack</name>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the liveml program was not found next to the studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resetting the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::MessageTail</name>
    <message>
        <source>reading %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (retrying)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::MessageTailView</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer lag per partition: no metrics yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer lag per partition (records behind): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows (newest %3 kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart from beginning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart from end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only wrong predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead-letter reason contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::ModelReloader</name>
    <message>
        <source>subscribed to model updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not load the model: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::StreamMonitor</name>
    <message>
        <source>reading the metrics history</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>history: %n metrics records</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (retrying)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::streamui::TailModel</name>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DLQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result / reason and original bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::studio::DrawPage</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last stroke (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the canvas (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::studio::MainWindow</name>
    <message>
        <source>Could not open the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiveML models (*.livemlm *.bin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About LiveML Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;LiveML Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for online machine learning: draw a digit and watch an online SGD learner, exact to scikit-learn, predict it while you draw.&lt;/p&gt;&lt;p&gt;The bundled digits are the UCI optdigits test set, as shipped by scikit-learn.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1 · %2 samples seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the default model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiveML Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About LiveML Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::studio::StreamPage</name>
    <message>
        <source>Stop local mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the stream: %1 · failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a stream or start local mode first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as a %1; the trainer learns it within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canvas model: not from the stream yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canvas model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the model?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stops the trainer, deletes the model, its offsets and the metrics history from Redis, and starts training again from scratch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer rate: %1 records/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start local mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a Kafka broker, Redis, the trainer and a producer on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kafka properties
(key=value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not saved: no system keychain is available, and it is never stored in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::widgets::DrawingCanvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit here
Esc clears · Ctrl+Z undoes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::widgets::FeaturePreview</name>
    <message>
        <source>Model input preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8×8 input, 0–16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32×32 bitmap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ModelInfoPanel</name>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1, %2 s old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled digits, trained at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled digits (cached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD, %1 loss, %2 penalty, α = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the default model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream (Redis key %1), version %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ModelLoader</name>
    <message>
        <source>it was written by a different version of the studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cached default model is not usable (%1); retrained it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cached default model is damaged (%1); retrained it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not cache the default model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not train the default model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used here: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid model file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model expects %1 features, but drawings give %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model was trained with hinge loss and gives no probabilities; train it with loss &apos;log&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::widgets::PredictionBadge</name>
    <message>
        <source>Confidence %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit to see the prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ProbabilityChart</name>
    <message>
        <source>Digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
