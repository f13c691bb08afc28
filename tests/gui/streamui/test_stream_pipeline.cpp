// Local mode end to end: real broker, private Redis, trainer and producer children; the
// dashboard feed, canvas feedback and hot model reload against them.
#include <QSignalSpy>
#include <QTest>

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>

#include "dashboard/dashboard_view.hpp"
#include "gui_test_support.hpp"
#include "online/model_file.hpp"
#include "series/dashboard_feed.hpp"
#include "store/checkpoint_store.hpp"
#include "stream/kafka_tail.hpp"
#include "streamui/feedback_producer.hpp"
#include "streamui/liveml_binary.hpp"
#include "streamui/local_stack.hpp"
#include "streamui/model_reloader.hpp"
#include "streamui/stream_monitor.hpp"

using namespace liveml;
using namespace liveml::streamui;
using liveml::stream::KafkaTail;
using liveml::stream::TailMessage;

namespace {
constexpr int kStartMs = 120000; // the broker's JVM starts and formats its storage first
constexpr int kDataMs = 40000;

// Children of this process, read from /proc (pid → ppid).
QList<int> childPids() {
    QList<int> children;
    const QString self = QString::number(QCoreApplication::applicationPid());
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const int pid = entry.toInt(&numeric);
        if (!numeric) continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly)) continue;
        const QString text = QString::fromLatin1(stat.readAll());
        // "pid (comm) state ppid …": comm may hold spaces, so split after the last ')'.
        const QStringList fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1] == self && fields[0] != QLatin1String("Z"))
            children << pid;
    }
    return children;
}
} // namespace

class TestStreamPipeline : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void cleanupTestCase();
    void dashboardReceivesMetricsAndPredictions();
    void feedbackProducesSourceRecord();
    void modelHotReload();
    void stopLeavesNoChildren();

  private:
    std::unique_ptr<LocalStack> stack_;
    QList<std::pair<Component, LinkState>> failures_;
    QTemporaryDir data_; // the broker's data folder (XDG data home): fresh for each run
};

void TestStreamPipeline::initTestCase() {
    QVERIFY(data_.isValid());
    qputenv("XDG_DATA_HOME", data_.path().toLocal8Bit());
    qputenv("LIVEML_CLI", LIVEML_CLI_PATH);
    QCOMPARE(findLivemlBinary(), QFileInfo(QStringLiteral(LIVEML_CLI_PATH)).absoluteFilePath());
    stack_ = std::make_unique<LocalStack>(findLivemlBinary());
    connect(stack_.get(), &LocalStack::linkChanged, this,
            [this](Component c, LinkState s, const QString& message) {
                if (s == LinkState::Failed) {
                    failures_.append({c, s});
                    qWarning("component failed: %s", qPrintable(message));
                }
            });
    QSignalSpy ready(stack_.get(), &LocalStack::ready);
    stack_->setRate(500);
    stack_->start();
    QVERIFY(ready.wait(kStartMs));
    QVERIFY(!stack_->bootstrap().isEmpty());
    QVERIFY(stack_->redisUrl().has_value());
}

void TestStreamPipeline::cleanupTestCase() {
    stack_.reset();
}

void TestStreamPipeline::dashboardReceivesMetricsAndPredictions() {
    dashboard::DashboardView view;
    MonitorSettings settings;
    settings.kafka = {{"bootstrap.servers", stack_->bootstrap().toStdString()}};
    settings.redis = stack_->redisUrl();
    StreamMonitor monitor(view.feed(), settings);
    monitor.start();
    QTRY_VERIFY_WITH_TIMEOUT(monitor.metricsReceived() + monitor.historyRecords() >= 3 &&
                                 monitor.predictionsReceived() > 0,
                             kDataMs);
    view.refresh();
    const series::DashboardFeed::Snapshot snapshot = view.feed().snapshot();
    QVERIFY(snapshot.records >= 3);
    QCOMPARE(snapshot.malformed, 0u);
    std::uint64_t confusion = 0;
    for (const auto& row : snapshot.confusion)
        for (std::uint64_t cell : row)
            confusion += cell;
    QVERIFY(confusion > 0);
    QVERIFY(view.store().size() > 0);
    // The local trainer compares its learners: every one on the dashboard's leaderboard.
    std::vector<std::string> learners;
    for (const auto& learner : snapshot.learners)
        learners.push_back(learner.name);
    std::sort(learners.begin(), learners.end());
    QCOMPARE(learners, (std::vector<std::string>{"mlp", "sgd_classifier", "softmax_regression"}));
    QVERIFY(failures_.isEmpty());
}

void TestStreamPipeline::feedbackProducesSourceRecord() {
    const stream::KafkaProperties kafka{{"bootstrap.servers", stack_->bootstrap().toStdString()}};
    digits::Features features;
    features.fill(3);
    features[0] = 16;
    {
        FeedbackProducer producer(kafka, "handwritten_digit");
        QVERIFY(!producer.send(features, 10)); // an invalid label is refused, not sent
        QVERIFY(producer.send(features, 7));
        QTRY_COMPARE_WITH_TIMEOUT(producer.delivered(), 1u, 10000);
        // A correction sent as copies: the drawing and its variations, nothing out of range.
        QVERIFY(!producer.send(features, 7, 0));
        QVERIFY(!producer.send(features, 7, FeedbackProducer::kMaxCopies + 1));
        QVERIFY(producer.send(features, 7, 4));
        QTRY_COMPARE_WITH_TIMEOUT(producer.delivered(), 5u, 10000);
        QCOMPARE(producer.failed(), 0u);
    }
    KafkaTail tail(kafka);
    tail.assign({"handwritten_digit"}, KafkaTail::Start::kBeginning, std::chrono::seconds(5));
    const std::string x = "\"x\":[16" + [] {
        std::string rest;
        for (int i = 1; i < 64; ++i)
            rest += ",3";
        return rest;
    }() + "]";
    bool found = false;
    QElapsedTimer timer;
    timer.start();
    while (!found && timer.elapsed() < kDataMs) {
        tail.poll(std::chrono::milliseconds(200), 100000, [&](const TailMessage& m) {
            const std::string value(m.value);
            if (value.find(x) != std::string::npos) {
                QVERIFY(value.find("\"actual_y\":7") != std::string::npos);
                QVERIFY(value.find("\"ts\":\"") != std::string::npos);
                found = true;
            }
        });
    }
    QVERIFY(found);
}

void TestStreamPipeline::modelHotReload() {
    const std::string key = "test_hot_reload_model";
    ModelReloader reloader(*stack_->redisUrl(), key);
    QSignalSpy loaded(&reloader, &ModelReloader::modelLoaded);
    reloader.start();
    store::RedisConnection connection(*stack_->redisUrl());
    store::CheckpointStore checkpoints(connection, key);
    const std::string bytes = online::serialize_model(*guitest::defaultModel().classifier);
    // The subscription may not be up yet: a version saved before it is read on connect.
    const std::int64_t first = checkpoints.save(bytes, {}, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
    QCOMPARE(loaded.last().at(1).toLongLong(), first);
    const std::int64_t second = checkpoints.save(bytes, {}, 2);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.last().at(1).toLongLong() == second, 5000);
    const auto model = loaded.last().at(0).value<widgets::LoadedModel>();
    QVERIFY(model.classifier);
    QCOMPARE(model.metadata.at("model_version"), std::to_string(second));
    QCOMPARE(model.origin, widgets::ModelOrigin::Stream);
    QCOMPARE(model.streamKey, QString::fromStdString(key));
    QCOMPARE(model.streamVersion, second);
}

void TestStreamPipeline::stopLeavesNoChildren() {
    QVERIFY(childPids().size() >= 3); // broker, trainer, producer (and redis-server)
    stack_->stop();
    QVERIFY(!stack_->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(childPids().isEmpty(), 10000);
}

QTEST_MAIN(TestStreamPipeline)
#include "test_stream_pipeline.moc"
