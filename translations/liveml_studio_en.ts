<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
