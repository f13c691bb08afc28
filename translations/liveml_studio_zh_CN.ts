<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>liveml::studio::DrawPage</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last stroke (%1)</source>
        <translation>撤销上一笔（%1）</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation>重做（%1）</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the canvas (Esc)</source>
        <translation>清空画布（Esc）</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>模型看到的输入</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>liveml::studio::MainWindow</name>
    <message>
        <source>Could not open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>LiveML models (*.livemlm *.bin);;All files (*)</source>
        <translation>LiveML 模型 (*.livemlm *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About LiveML Studio</source>
        <translation>关于 LiveML 工作室</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LiveML Studio %1&lt;/h3&gt;&lt;p&gt;A workbench for online machine learning: draw a digit and watch an online SGD learner, exact to scikit-learn, predict it while you draw.&lt;/p&gt;&lt;p&gt;The bundled digits are the UCI optdigits test set, as shipped by scikit-learn.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LiveML 工作室 %1&lt;/h3&gt;&lt;p&gt;在线机器学习工作台：手写一个数字，看与 scikit-learn 结果完全一致的在线 SGD 学习器边写边预测。&lt;/p&gt;&lt;p&gt;内置数字数据集为 UCI optdigits 测试集，取自 scikit-learn。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: %1 · %2 samples seen</source>
        <translation>模型：%1 · 已学习 %2 个样本</translation>
    </message>
    <message>
        <source>Preparing the default model…</source>
        <translation>正在准备默认模型…</translation>
    </message>
    <message>
        <source>LiveML Studio</source>
        <translation>LiveML 工作室</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>手写</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LiveML Studio</source>
        <translation>关于 LiveML 工作室(&amp;A)</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::DrawingCanvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation>手写画布</translation>
    </message>
    <message>
        <source>Draw a digit here
Esc clears · Ctrl+Z undoes</source>
        <translation>在此手写一个数字
Esc 清除 · Ctrl+Z 撤销</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::FeaturePreview</name>
    <message>
        <source>Model input preview</source>
        <translation>模型输入预览</translation>
    </message>
    <message>
        <source>8×8 input, 0–16</source>
        <translation>8×8 输入，0–16</translation>
    </message>
    <message>
        <source>32×32 bitmap</source>
        <translation>32×32 位图</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ModelInfoPanel</name>
    <message>
        <source>Bundled digits, trained at start</source>
        <translation>内置数字数据集，启动时训练</translation>
    </message>
    <message>
        <source>Bundled digits (cached)</source>
        <translation>内置数字数据集（缓存）</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>SGD, %1 loss, %2 penalty, α = %3</source>
        <translation>SGD，%1 损失，%2 正则，α = %3</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Samples seen</source>
        <translation>已学习样本</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>加载时间</translation>
    </message>
    <message>
        <source>Preparing the default model…</source>
        <translation>正在准备默认模型…</translation>
    </message>
    <message>
        <source>No model: %1</source>
        <translation>没有模型：%1</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ModelLoader</name>
    <message>
        <source>it was written by a different version of the studio</source>
        <translation>它由其他版本的工作室写入</translation>
    </message>
    <message>
        <source>The cached default model is not usable (%1); retrained it.</source>
        <translation>缓存的默认模型不可用（%1），已重新训练。</translation>
    </message>
    <message>
        <source>The cached default model is damaged (%1); retrained it.</source>
        <translation>缓存的默认模型已损坏（%1），已重新训练。</translation>
    </message>
    <message>
        <source>Could not cache the default model: %1</source>
        <translation>无法缓存默认模型：%1</translation>
    </message>
    <message>
        <source>Could not train the default model: %1</source>
        <translation>无法训练默认模型：%1</translation>
    </message>
    <message>
        <source>%1 cannot be used here: %2.</source>
        <translation>无法在此使用 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is not a valid model file: %2</source>
        <translation>%1 不是有效的模型文件：%2</translation>
    </message>
    <message>
        <source>the model expects %1 features, but drawings give %2</source>
        <translation>模型需要 %1 个特征，但手写图像只提供 %2 个</translation>
    </message>
    <message>
        <source>the model was trained with hinge loss and gives no probabilities; train it with loss 'log'</source>
        <translation>该模型使用 hinge 损失训练，无法给出概率；请使用 log 损失训练</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::PredictionBadge</name>
    <message>
        <source>Confidence %1 %</source>
        <translation>置信度 %1 %</translation>
    </message>
    <message>
        <source>Draw a digit to see the prediction</source>
        <translation>手写一个数字即可查看预测</translation>
    </message>
    <message>
        <source>Waiting for a model</source>
        <translation>正在等待模型</translation>
    </message>
    <message>
        <source>The model could not answer: %1</source>
        <translation>模型无法给出预测：%1</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ProbabilityChart</name>
    <message>
        <source>Digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>各类别概率</translation>
    </message>
</context>
</TS>