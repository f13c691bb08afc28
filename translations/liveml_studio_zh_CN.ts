<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>JobTexts</name>
    <message>
        <source>Train teacher</source>
        <translation>训练教师模型</translation>
    </message>
    <message>
        <source>Distill student</source>
        <translation>蒸馏学生模型</translation>
    </message>
    <message>
        <source>Fine-tune (LoRA)</source>
        <translation>微调（LoRA）</translation>
    </message>
    <message>
        <source>Build index</source>
        <translation>构建索引</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Zero-shot</source>
        <translation>零样本</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>final loss %1</source>
        <translation>最终损失 %1</translation>
    </message>
    <message>
        <source>top-1 %1</source>
        <translation>top-1 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) indexed</source>
        <translation>
            <numerusform>已索引 %n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) classified</source>
        <translation>
            <numerusform>已分类 %n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n query(s) answered</source>
        <translation>
            <numerusform>已回答 %n 个查询</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) compared</source>
        <translation>
            <numerusform>已比较 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingest images</source>
        <translation>导入图像</translation>
    </message>
</context>
<context>
    <name>TailRow</name>
    <message>
        <source>not a digit_predict record</source>
        <translation>不是 digit_predict 记录</translation>
    </message>
    <message>
        <source>not a dead letter record</source>
        <translation>不是死信记录</translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::ConfusionMatrixChart</name>
    <message>
        <source>actual %1, predicted %2: %3 records (%4 % of actual %1)</source>
        <translation>实际 %1，预测 %2：%3 条记录（占实际为 %1 的 %4 %）</translation>
    </message>
    <message>
        <source>share of row</source>
        <translation>行内占比</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::DashboardView</name>
    <message>
        <source>Samples seen</source>
        <translation>已见样本</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已见样本</translation>
    </message>
    <message>
        <source>Rolling accuracy</source>
        <translation>滚动准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>trainer, last N</source>
        <translation>训练器，最近 N 条</translation>
    </message>
    <message>
        <source>predictions, chosen N</source>
        <translation>预测，所选 N 条</translation>
    </message>
    <message>
        <source>Prequential accuracy</source>
        <translation>前序准确率</translation>
    </message>
    <message>
        <source>prequential</source>
        <translation>前序</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>mean log loss</source>
        <translation>平均对数损失</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>Last 10 s: total vs correct</source>
        <translation>最近 10 秒：总数与正确数</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>条/秒</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>End-to-end latency</source>
        <translation>端到端延迟</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Consumer lag per partition</source>
        <translation>各分区消费滞后</translation>
    </message>
    <message>
        <source>records behind</source>
        <translation>滞后记录数</translation>
    </message>
    <message>
        <source>Dead-lettered records</source>
        <translation>死信记录</translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation>死信</translation>
    </message>
    <message>
        <source>%1 records · model version %2 · run %3</source>
        <translation>%1 条记录 · 模型版本 %2 · 运行 %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> · %1 refused (last: %2)</source>
        <translation> · 拒收 %1 条（最近原因：%2）</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Step axis</source>
        <translation>步数轴</translation>
    </message>
    <message>
        <source>Wall-clock axis</source>
        <translation>时钟时间轴</translation>
    </message>
    <message>
        <source>Follow latest</source>
        <translation>跟随最新</translation>
    </message>
    <message>
        <source>Zoom box</source>
        <translation>框选缩放</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom (Ctrl+drag works in any mode); double-click a chart to reset it</source>
        <translation>拖出矩形以缩放（任何模式下都可按住 Ctrl 拖动）；双击图表可复位</translation>
    </message>
    <message>
        <source>Rolling N</source>
        <translation>滚动 N</translation>
    </message>
    <message>
        <source>Confusion as row shares</source>
        <translation>混淆矩阵按行占比</translation>
    </message>
    <message>
        <source>Label distribution</source>
        <translation>标签分布</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>trainer, last %1</source>
        <translation>训练器，最近 %1 条</translation>
    </message>
    <message>
        <source>predictions, last %1</source>
        <translation>预测，最近 %1 条</translation>
    </message>
    <message>
        <source>Accuracy per learner</source>
        <translation>各学习器准确率</translation>
    </message>
    <message>
        <source>Log loss per learner</source>
        <translation>各学习器对数损失</translation>
    </message>
    <message>
        <source>Calibration error per learner</source>
        <translation>各学习器校准误差</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>Records/s per learner</source>
        <translation>各学习器每秒记录数</translation>
    </message>
    <message numerus="yes">
        <source> · %n drift event(s)</source>
        <translation>
            <numerusform> · %n 个漂移事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::LabelDistributionChart</name>
    <message>
        <source>label %1: %2 (%3 %)</source>
        <translation>标签 %1：%2（%3 %）</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录数</translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::LeaderboardTable</name>
    <message>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>Calibration (ECE)</source>
        <translation>校准 (ECE)</translation>
    </message>
    <message>
        <source>Brier</source>
        <translation>Brier 分数</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>记录/秒</translation>
    </message>
    <message>
        <source>Prequential accuracy over the last metrics interval (each record scored before the learner trained on it)</source>
        <translation>上一个指标区间内的前序准确率（每条记录在学习器用它训练之前评分）</translation>
    </message>
    <message>
        <source>Expected calibration error: how far the learner&apos;s confidence is from its accuracy (0 is perfectly calibrated; a dash: the learner gives no probabilities)</source>
        <translation>期望校准误差：学习器的置信度与其准确率相差多少（0 表示完全校准；短横线：该学习器不给出概率）</translation>
    </message>
    <message>
        <source>Records per second of this learner&apos;s own compute time (predict and learn)</source>
        <translation>按该学习器自身计算时间（预测与学习）计的每秒记录数</translation>
    </message>
</context>
<context>
    <name>liveml::dashboard::LiveChart</name>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已见样本</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>%1
%2
value: %3
smoothed: %4</source>
        <translation>%1
%2
值：%3
平滑后：%4</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>复位视图</translation>
    </message>
    <message>
        <source>Follow latest data</source>
        <translation>跟随最新数据</translation>
    </message>
    <message>
        <source>Export visible range as CSV…</source>
        <translation>将可见范围导出为 CSV…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save chart as PDF…</source>
        <translation>将图表保存为 PDF…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::CompareView</name>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Size (MB)</source>
        <translation>大小（MB）</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>压缩比</translation>
    </message>
    <message>
        <source>Image ms (b1 p50)</source>
        <translation>图像毫秒（b1 p50）</translation>
    </message>
    <message>
        <source>Image ms (b64 p50)</source>
        <translation>图像毫秒（b64 p50）</translation>
    </message>
    <message>
        <source>Text ms (b1 p50)</source>
        <translation>文本毫秒（b1 p50）</translation>
    </message>
    <message>
        <source>Speed-up (image b1)</source>
        <translation>加速（图像 b1）</translation>
    </message>
    <message>
        <source>Zero-shot top-1</source>
        <translation>零样本 top-1</translation>
    </message>
    <message>
        <source>Zero-shot top-5</source>
        <translation>零样本 top-5</translation>
    </message>
    <message>
        <source>R@1 text→image</source>
        <translation>R@1 文本→图像</translation>
    </message>
    <message>
        <source>R@1 image→text</source>
        <translation>R@1 图像→文本</translation>
    </message>
    <message>
        <source>mAP</source>
        <translation>mAP</translation>
    </message>
    <message>
        <source>Top-1 retained</source>
        <translation>保留的 top-1</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>导出比较</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV（*.csv）</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) compared on the same inputs</source>
        <translation>
            <numerusform>在相同输入上比较了 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings: differences only</source>
        <translation>设置：仅显示差异</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Image latency, batch 1, p50 (ms)</source>
        <translation>图像延迟，批大小 1，p50（毫秒）</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::ImageDropTarget</name>
    <message>
        <source>Choose an image</source>
        <translation>选择图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.pgm)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.pgm)</translation>
    </message>
    <message>
        <source>Drop an image here</source>
        <translation>将图像拖到这里</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>选择图像…</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::IngestMonitor</name>
    <message>
        <source>thumbnail: s3://%1/%2</source>
        <translation>缩略图：s3://%1/%2</translation>
    </message>
    <message>
        <source>%1
index id %2</source>
        <translation>%1
索引编号 %2</translation>
    </message>
    <message>
        <source>Waiting for the first objects…</source>
        <translation>正在等待第一批对象…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; objects in the index · %2 objects/s · indexed %3, replaced %4, removed %5, already applied %6 · &lt;span style=&apos;color:%9&apos;&gt;dead-lettered %7, malformed events %8&lt;/span&gt;</source>
        <translation>索引中共 &lt;b&gt;%1&lt;/b&gt; 个对象 · 每秒 %2 个对象 · 新索引 %3，替换 %4，移除 %5，已处理过 %6 · &lt;span style=&apos;color:%9&apos;&gt;进入死信 %7，格式错误的事件 %8&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Objects per second</source>
        <translation>每秒对象数</translation>
    </message>
    <message>
        <source>objects/s</source>
        <translation>对象/秒</translation>
    </message>
    <message>
        <source>Index size</source>
        <translation>索引大小</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>对象数</translation>
    </message>
    <message>
        <source>objects in the index</source>
        <translation>索引中的对象</translation>
    </message>
    <message>
        <source>events processed</source>
        <translation>已处理事件</translation>
    </message>
    <message>
        <source>Newest objects</source>
        <translation>最新对象</translation>
    </message>
    <message>
        <source>not shown: %1</source>
        <translation>未显示：%1</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::JobForm</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Peak learning rate</source>
        <translation>峰值学习率</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Items used</source>
        <translation>使用条目数</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Data-parallel ranks: each process embeds a share of every batch (one GPU each on CUDA); the CPU threads are shared among them.</source>
        <translation>数据并行进程：每个进程处理每批数据的一部分（CUDA 上每个进程一块 GPU）；CPU 线程由它们共享。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>or image</source>
        <translation>或图像</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类对象</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师模型</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>liveml clip %1 is not available yet in this build.</source>
        <translation>此版本中尚无 liveml clip %1。</translation>
    </message>
    <message>
        <source>Automatic (first GPU, else CPU)</source>
        <translation>自动（首个 GPU，否则 CPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>cuda:%1 · %2 (%3 GiB)</source>
        <translation>cuda:%1 · %2（%3 GiB）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Choose the training data.</source>
        <translation>请选择训练数据。</translation>
    </message>
    <message>
        <source>Choose a model (train one first).</source>
        <translation>请选择模型（先训练一个）。</translation>
    </message>
    <message>
        <source>Choose the images to index.</source>
        <translation>请选择要索引的图像。</translation>
    </message>
    <message>
        <source>Choose an index (build one first).</source>
        <translation>请选择索引（先构建一个）。</translation>
    </message>
    <message>
        <source>The index&apos;s model is not known.</source>
        <translation>不知道该索引所用的模型。</translation>
    </message>
    <message>
        <source>Type a text or choose an image to search with.</source>
        <translation>请输入文本或选择一张图像进行搜索。</translation>
    </message>
    <message>
        <source>Choose, drop or draw an image.</source>
        <translation>请选择、拖入或绘制一张图像。</translation>
    </message>
    <message>
        <source>Give at least two class names, separated by commas.</source>
        <translation>请至少给出两个类别名称，用逗号分隔。</translation>
    </message>
    <message>
        <source>Choose a teacher model.</source>
        <translation>请选择教师模型。</translation>
    </message>
    <message>
        <source>Choose a base model.</source>
        <translation>请选择基础模型。</translation>
    </message>
    <message>
        <source>Tick at least two models to compare.</source>
        <translation>请至少勾选两个模型进行比较。</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Digits (8×8)</source>
        <translation>手写数字（8×8）</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Dataset accuracy</source>
        <translation>数据集准确率</translation>
    </message>
    <message>
        <source>Use the drawing from the Draw page</source>
        <translation>使用绘图页中的绘图</translation>
    </message>
    <message>
        <source>e.g. a photo of an ankle boot</source>
        <translation>例如 a photo of an ankle boot</translation>
    </message>
    <message>
        <source>Class names separated by commas; the job&apos;s template ensemble (&quot;a photo of a {}&quot;, …) turns each into prompts.</source>
        <translation>类别名称，用逗号分隔；作业的模板集合（“a photo of a {}”等）会把每个名称变成提示词。</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Each template needs {} where the class name goes.</source>
        <translation>每个模板都需要用 {} 标出类别名称的位置。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Kafka brokers</source>
        <translation>Kafka 代理</translation>
    </message>
    <message>
        <source>Events topic</source>
        <translation>事件主题</translation>
    </message>
    <message>
        <source>S3 endpoint</source>
        <translation>S3 端点</translation>
    </message>
    <message>
        <source>Access key from</source>
        <translation>访问密钥来自</translation>
    </message>
    <message>
        <source>Secret key from</source>
        <translation>私有密钥来自</translation>
    </message>
    <message>
        <source>Output bucket</source>
        <translation>输出存储桶</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>缩略图尺寸</translation>
    </message>
    <message>
        <source>Largest object (MiB)</source>
        <translation>最大对象（MiB）</translation>
    </message>
    <message>
        <source>Choose the folder to watch.</source>
        <translation>请选择要监视的文件夹。</translation>
    </message>
    <message>
        <source>Give the Kafka brokers that carry the bucket events.</source>
        <translation>请给出传送存储桶事件的 Kafka 代理。</translation>
    </message>
    <message>
        <source>Give the S3 endpoint the objects are fetched from.</source>
        <translation>请给出获取对象的 S3 端点。</translation>
    </message>
    <message>
        <source>Bucket events (Kafka + S3)</source>
        <translation>存储桶事件（Kafka + S3）</translation>
    </message>
    <message>
        <source>New and changed images in this folder are indexed as they arrive; deleted ones leave the index.</source>
        <translation>此文件夹中新增和修改的图像一到达即被索引；删除的图像会移出索引。</translation>
    </message>
    <message>
        <source>The name of an environment variable of the studio that holds the key (the key itself is never stored).</source>
        <translation>存放密钥的工作室环境变量的名称（密钥本身从不保存）。</translation>
    </message>
    <message>
        <source>Items per class</source>
        <translation>每类样本数</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA 秩</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA alpha</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA dropout</translation>
    </message>
    <message>
        <source>Adapted layers</source>
        <translation>适配的层</translation>
    </message>
    <message>
        <source>Towers</source>
        <translation>编码塔</translation>
    </message>
    <message>
        <source>Choose at least one layer to adapt.</source>
        <translation>请至少选择一个要适配的层。</translation>
    </message>
    <message>
        <source>Choose at least one tower to adapt.</source>
        <translation>请至少选择一个要适配的编码塔。</translation>
    </message>
    <message>
        <source>Few-shot adaptation: this many training items of each class are drawn (with the seed); &quot;all&quot; uses every item.</source>
        <translation>小样本适配：按随机种子从每个类别抽取这么多训练样本；“全部”使用所有样本。</translation>
    </message>
    <message>
        <source>q, k, v, o: attention projections; fc1, fc2: MLP layers; head: a convolutional image tower&apos;s linear layer; proj: the projections into the shared space.</source>
        <translation>q、k、v、o：注意力投影；fc1、fc2：MLP 层；head：卷积图像塔的线性层；proj：到共享空间的投影。</translation>
    </message>
    <message>
        <source>Train every weight</source>
        <translation>训练全部权重</translation>
    </message>
    <message>
        <source>Full fine-tuning instead of LoRA adapters, to compare the two on the same steps.</source>
        <translation>以全量微调代替 LoRA 适配器，在相同步数下比较两者。</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::JobRunner</name>
    <message>
        <source>Could not create the run folder: %1</source>
        <translation>无法创建运行文件夹：%1</translation>
    </message>
    <message>
        <source>Could not delete the run: %1</source>
        <translation>无法删除运行：%1</translation>
    </message>
    <message>
        <source>The liveml program was not found next to the studio (set LIVEML_CLI).</source>
        <translation>在工作室旁边找不到 liveml 程序（请设置 LIVEML_CLI）。</translation>
    </message>
    <message>
        <source>the job ended without a result</source>
        <translation>作业结束但没有结果</translation>
    </message>
    <message>
        <source>Could not save the run&apos;s state: %1</source>
        <translation>无法保存运行状态：%1</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::PathCombo</name>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::RunHistoryModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::RunLiveView</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>pairs/s</source>
        <translation>样本对/秒</translation>
    </message>
    <message>
        <source>%1 · %2 s left</source>
        <translation>%1 · 剩余 %2 秒</translation>
    </message>
    <message>
        <source>[%1] step %2/%3, loss %4</source>
        <translation>[%1] 第 %2/%3 步，损失 %4</translation>
    </message>
    <message>
        <source>[%1] %2/%3</source>
        <translation>[%1] %2/%3</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>InfoNCE loss</source>
        <translation>InfoNCE 损失</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::RunResultsView</name>
    <message>
        <source>Query: %1</source>
        <translation>查询：%1</translation>
    </message>
    <message>
        <source>Select a run in the history to see its results.</source>
        <translation>在历史中选择一次运行以查看其结果。</translation>
    </message>
    <message>
        <source>The results appear when the run finishes.</source>
        <translation>运行结束后会显示结果。</translation>
    </message>
    <message>
        <source>This run left no result.</source>
        <translation>此运行没有留下结果。</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Per-class recall</source>
        <translation>各类别召回率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>类别概率</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>%1, base</source>
        <translation>%1，基础模型</translation>
    </message>
    <message>
        <source>%1, tuned</source>
        <translation>%1，微调后</translation>
    </message>
    <message>
        <source>Zero-shot top-1, base and tuned</source>
        <translation>零样本 top-1：基础模型与微调后</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>top-1</translation>
    </message>
</context>
<context>
    <name>liveml::experiments::S3Thumbnails</name>
    <message>
        <source>not an image</source>
        <translation>不是图像</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::ChildProcess</name>
    <message>
        <source>could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>已退出，代码 %1</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::FeedbackBar</name>
    <message>
        <source>Correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>Copies per correction:</source>
        <translation>每次纠正的副本数：</translation>
    </message>
    <message>
        <source>Teach the learners: is the answer right?</source>
        <translation>教学习器：答案对吗？</translation>
    </message>
    <message>
        <source>Teach this drawing with the model&apos;s answer as its label: the Draw page&apos;s learners learn it now, a connected stream&apos;s trainer within seconds</source>
        <translation>以模型的答案作为标签教这个手写：手写页的学习器立即学习，已连接数据流的训练器在数秒内学习</translation>
    </message>
    <message>
        <source>Teach this drawing as a %1</source>
        <translation>把这个手写教为 %1</translation>
    </message>
    <message>
        <source>Samples per answer: the drawing and slightly turned, slanted or widened variations of it. One sample is drowned out by a fast stream; more copies let a few corrections change the model.</source>
        <translation>每次回答的样本数：该手写及其略微旋转、倾斜或加宽的变体。单个样本会被快速的数据流淹没；更多副本能让少数几次纠正改变模型。</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::FeedbackProducer</name>
    <message>
        <source>The label must be a digit 0-9, not %1.</source>
        <translation>标签必须是 0-9 的数字，而不是 %1。</translation>
    </message>
    <message>
        <source>Feature %1 is %2, outside 0..16.</source>
        <translation>特征 %1 为 %2，超出 0..16。</translation>
    </message>
    <message>
        <source>The Kafka producer&apos;s queue is full; the broker may be unreachable.</source>
        <translation>Kafka 生产者队列已满；可能无法连接到代理。</translation>
    </message>
    <message>
        <source>Copies per correction must be 1 to %1, not %2.</source>
        <translation>每次纠正的副本数必须在 1 到 %1 之间，而不是 %2。</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::LocalStack</name>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>reset failed: %1</source>
        <translation>重置失败：%1</translation>
    </message>
    <message>
        <source>the liveml program was not found next to the studio</source>
        <translation>在工作室旁边找不到 liveml 程序</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resetting the model</source>
        <translation>正在重置模型</translation>
    </message>
    <message>
        <source>stopped unexpectedly</source>
        <translation>意外停止</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::MessageTail</name>
    <message>
        <source>reading %1 and %2</source>
        <translation>正在读取 %1 和 %2</translation>
    </message>
    <message>
        <source>%1 (retrying)</source>
        <translation>%1（正在重试）</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::MessageTailView</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Trainer lag per partition: no metrics yet</source>
        <translation>训练器各分区滞后：尚无指标</translation>
    </message>
    <message>
        <source>Trainer lag per partition (records behind): %1</source>
        <translation>训练器各分区滞后（落后记录数）：%1</translation>
    </message>
    <message>
        <source>%1 of %2 rows (newest %3 kept)</source>
        <translation>显示 %1 / %2 行（保留最新 %3 行）</translation>
    </message>
    <message>
        <source>Restart from beginning</source>
        <translation>从头重新读取</translation>
    </message>
    <message>
        <source>Restart from end</source>
        <translation>从末尾重新读取</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Only wrong predictions</source>
        <translation>仅错误预测</translation>
    </message>
    <message>
        <source>Dead-letter reason contains…</source>
        <translation>死信原因包含…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::ModelReloader</name>
    <message>
        <source>subscribed to model updates</source>
        <translation>已订阅模型更新</translation>
    </message>
    <message>
        <source>could not load the model: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::SecretStore</name>
    <message>
        <source>the keychain reported error %1</source>
        <translation>钥匙串报告错误 %1</translation>
    </message>
    <message numerus="yes">
        <source>the keychain did not answer within %n s</source>
        <translation>
            <numerusform>钥匙串在 %n 秒内没有响应</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>liveml::streamui::StreamMonitor</name>
    <message>
        <source>reading the metrics history</source>
        <translation>正在读取指标历史</translation>
    </message>
    <message numerus="yes">
        <source>history: %n metrics records</source>
        <translation>
            <numerusform>历史：%n 条指标记录</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>reading %1, %2</source>
        <translation>正在读取 %1、%2</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>%1 (retrying)</source>
        <translation>%1（正在重试）</translation>
    </message>
</context>
<context>
    <name>liveml::streamui::TailModel</name>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>DLQ</source>
        <translation>死信队列</translation>
    </message>
    <message>
        <source>predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移量</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Result / reason and original bytes</source>
        <translation>结果 / 原因与原始字节</translation>
    </message>
</context>
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
    <message>
        <source>The original pipeline&apos;s learner: one-vs-rest logistic SGD, exact to scikit-learn. Its probabilities are ten independent sigmoids normalised to sum to one; each saturates at 0 or 1, so it often shows 100 % or 50/50 even when it is wrong. The canvas preset and softmax regression fit their probabilities over all ten digits at once.</source>
        <translation>原始流水线的学习器：一对其余的逻辑回归 SGD，与 scikit-learn 完全一致。它的概率是十个彼此独立的 sigmoid 归一化后之和为一；每个都会饱和到 0 或 1，所以即使答错也常显示 100 % 或 50/50。画布预设和 softmax 回归则在全部十个数字上同时拟合概率。</translation>
    </message>
    <message>
        <source>The default: three MLPs trained on the bundled digits, distorted, and on digits rendered in handwriting fonts, averaged into one network (liveml fit --preset canvas). Your corrections train it here.</source>
        <translation>默认模型：三个 MLP，在内置数字（含变形）和用手写字体渲染的数字上训练，平均合并为一个网络（liveml fit --preset canvas）。你的纠正会在这里训练它。</translation>
    </message>
    <message>
        <source>A model file you opened.</source>
        <translation>你打开的模型文件。</translation>
    </message>
    <message>
        <source>A learner of the running stream&apos;s trainer, reloaded at each checkpoint; corrections reach it through the stream.</source>
        <translation>运行中数据流训练器的学习器，每个检查点重新加载；纠正通过数据流送达它。</translation>
    </message>
    <message>
        <source>Compare all</source>
        <translation>全部比较</translation>
    </message>
    <message>
        <source>Show every learner&apos;s answer to the drawing side by side</source>
        <translation>并排显示每个学习器对该手写的回答</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学习器</translation>
    </message>
    <message>
        <source>Digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
</context>
<context>
    <name>liveml::studio::ExperimentsPage</name>
    <message>
        <source>Delete run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Delete run %1 and everything in its folder?</source>
        <translation>删除运行 %1 及其文件夹中的全部内容？</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the job (%1)</source>
        <translation>开始作业（%1）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the selected run; training leaves a checkpoint to resume from (%1)</source>
        <translation>停止所选运行；训练会留下可继续的检查点（%1）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue the selected stopped run from its checkpoint</source>
        <translation>从检查点继续所选的已停止运行</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;历史&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Rerun</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <source>Start a new run with the same parameters</source>
        <translation>用相同参数开始新的运行</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
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
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>L&amp;ight</source>
        <translation>浅色(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LiveML Studio</source>
        <translation>关于 LiveML 工作室(&amp;A)</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
</context>
<context>
    <name>liveml::studio::StreamPage</name>
    <message>
        <source>Stop local mode</source>
        <translation>停止本地模式</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Sent to the stream: %1 · failed: %2</source>
        <translation>已发送到数据流：%1 · 失败：%2</translation>
    </message>
    <message>
        <source>Canvas model: not from the stream yet</source>
        <translation>画布模型：尚未来自数据流</translation>
    </message>
    <message>
        <source>Canvas model: %1</source>
        <translation>画布模型：%1</translation>
    </message>
    <message>
        <source>Reset the model?</source>
        <translation>重置模型？</translation>
    </message>
    <message>
        <source>This stops the trainer, deletes the model, its offsets and the metrics history from Redis, and starts training again from scratch.</source>
        <translation>这将停止训练器，从 Redis 删除模型、其偏移量和指标历史，并从头开始重新训练。</translation>
    </message>
    <message>
        <source>Producer rate: %1 records/s</source>
        <translation>生产速率：%1 条/秒</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>本地模式</translation>
    </message>
    <message>
        <source>Start local mode</source>
        <translation>启动本地模式</translation>
    </message>
    <message>
        <source>Runs a Kafka broker, Redis, the trainer and a producer on this computer</source>
        <translation>在本机运行 Kafka 代理、Redis、训练器和生产者</translation>
    </message>
    <message>
        <source>Pause producer</source>
        <translation>暂停生产者</translation>
    </message>
    <message>
        <source>Reset model…</source>
        <translation>重置模型…</translation>
    </message>
    <message>
        <source>Connect to a cluster</source>
        <translation>连接到集群</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>引导服务器</translation>
    </message>
    <message>
        <source>Kafka properties
(key=value)</source>
        <translation>Kafka 属性
（键=值）</translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation>Redis URL</translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation>Redis 密码</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>训练器</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>On connect, the password and secret Kafka properties (sasl.password, ssl.key.password, …) are saved in the system keychain, never in plain text.</source>
        <translation>连接时，密码和机密 Kafka 属性（sasl.password、ssl.key.password 等）会保存在系统钥匙串中，绝不以明文存储。</translation>
    </message>
    <message>
        <source>The password and secret Kafka properties are kept in the system keychain, never in plain text.</source>
        <translation>密码和机密 Kafka 属性保存在系统钥匙串中，绝不以明文存储。</translation>
    </message>
    <message>
        <source>Not saved: no system keychain is reachable (%1). The password and secret Kafka properties are used for this session only and never stored in plain text.</source>
        <translation>未保存：无法访问系统钥匙串（%1）。密码和机密 Kafka 属性仅用于本次会话，绝不以明文存储。</translation>
    </message>
    <message numerus="yes">
        <source>Learned as a %1 by %n local model(s) and sent to the stream; the trainer learns it within seconds.</source>
        <translation>
            <numerusform>已作为 %1 由 %n 个本地模型学习并发送到数据流；训练器会在数秒内学到它。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learned as a %1 by %n local model(s); start local mode or connect to a stream to teach its trainer too.</source>
        <translation>
            <numerusform>已作为 %1 由 %n 个本地模型学习；启动本地模式或连接数据流，也可以教它的训练器。</numerusform>
        </translation>
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
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>version %1, %2 s old</source>
        <translation>版本 %1，%2 秒前</translation>
    </message>
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
    <message>
        <source>Stream (Redis key %1), version %2</source>
        <translation>数据流（Redis 键 %1），版本 %2</translation>
    </message>
    <message>
        <source>Canvas preset, trained at start</source>
        <translation>画布预设，启动时训练</translation>
    </message>
    <message>
        <source>Canvas preset (cached)</source>
        <translation>画布预设（缓存）</translation>
    </message>
    <message>
        <source>MLP, %1 ReLU units, learning rate %2</source>
        <translation>MLP，%1 个 ReLU 单元，学习率 %2</translation>
    </message>
    <message>
        <source>Softmax regression (AdaGrad), learning rate %1</source>
        <translation>Softmax 回归（AdaGrad），学习率 %1</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ModelLoader</name>
    <message>
        <source>it was written by a different version of the studio</source>
        <translation>它由其他版本的工作室写入</translation>
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
        <source>its learner (%1) gives no probabilities; train one that does, such as sgd_classifier with loss &apos;log&apos;, softmax_regression or mlp</source>
        <translation>其学习器（%1）不给出概率；请训练一个能给出概率的学习器，例如损失为 &apos;log&apos; 的 sgd_classifier、softmax_regression 或 mlp</translation>
    </message>
    <message>
        <source>The cached model %1 is not usable (%2); retrained it.</source>
        <translation>缓存的模型 %1 不可用（%2）；已重新训练。</translation>
    </message>
    <message>
        <source>The cached model %1 is damaged (%2); retrained it.</source>
        <translation>缓存的模型 %1 已损坏（%2）；已重新训练。</translation>
    </message>
    <message>
        <source>Could not cache a built-in model: %1</source>
        <translation>无法缓存内置模型：%1</translation>
    </message>
</context>
<context>
    <name>liveml::widgets::ModelShelf</name>
    <message>
        <source>Canvas preset (MLP)</source>
        <translation>画布预设（MLP）</translation>
    </message>
    <message>
        <source>SGD, exact to scikit-learn</source>
        <translation>SGD，与 scikit-learn 完全一致</translation>
    </message>
    <message>
        <source>Softmax regression</source>
        <translation>Softmax 回归</translation>
    </message>
    <message>
        <source>MLP (stream)</source>
        <translation>MLP（数据流）</translation>
    </message>
    <message>
        <source>Opened file</source>
        <translation>已打开的文件</translation>
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
