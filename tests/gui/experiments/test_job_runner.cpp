// JobRunner against shell scripts standing in for `liveml`: what a crash, an error event, a
// clean result and SIGTERM do to a run, and that one device runs one job at a time.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "experiments/job_runner.hpp"

using namespace liveml;
using experiments::JobRunner;

namespace {

constexpr int kTimeoutMs = 15000;

QString writeScript(const QTemporaryDir& dir, const QString& name, const QByteArray& body) {
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(file.permissions() | QFileDevice::ExeUser);
    return path;
}

jobs::JobSpec trainOn(const char* device) {
    jobs::JobSpec spec;
    spec.kind = jobs::JobKind::Train;
    spec.options["dataset"] = "digits";
    spec.options["device"] = device;
    return spec;
}

jobs::RunStatus statusOf(const JobRunner& runner, const QString& id) {
    return runner.run(id)->status;
}

} // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
  private slots:
    void aCleanResultIsDoneWithItsHeadlineAndFiles() {
        QTemporaryDir dir;
        const QString script = writeScript(
            dir, "ok.sh",
            "echo "
            "'{\"event\":\"progress\",\"phase\":\"train\",\"step\":1,\"total\":2,\"loss\":1.5}'\n"
            "echo "
            "'{\"event\":\"result\",\"final_loss\":0.75,\"device\":\"cpu\",\"stopped\":false}'\n");
        JobRunner runner(dir.filePath("runs"), script);
        int events = 0;
        connect(&runner, &JobRunner::eventReceived, this, [&] { ++events; });
        const QString id = runner.submit(trainOn("cpu"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(runner, id), jobs::RunStatus::Done, kTimeoutMs);
        QCOMPARE(events, 2);
        QCOMPARE(runner.run(id)->headline->metric, std::string("final_loss"));
        QCOMPARE(runner.run(id)->headline->value, 0.75);
        QCOMPARE(runner.result(id)->at("final_loss").get<double>(), 0.75);
        QVERIFY(!runner.result(id)->contains("event"));
        QCOMPARE(runner.events(id).size(), std::size_t(2));
        QVERIFY(runner.events(id).front().arrivedMs > 0);
        QCOMPARE(runner.progress(id)->phase, QStringLiteral("train"));
    }

    void aCrashWithoutAFinalLineFailsWithTheLastErrorLine() {
        QTemporaryDir dir;
        const QString script = writeScript(
            dir, "crash.sh",
            "echo "
            "'{\"event\":\"progress\",\"phase\":\"train\",\"step\":1,\"total\":9,\"loss\":2}'\n"
            "echo 'terminate called after throwing std::bad_alloc' >&2\nexit 134\n");
        JobRunner runner(dir.filePath("runs"), script);
        const QString id = runner.submit(trainOn("cpu"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(runner, id), jobs::RunStatus::Failed, kTimeoutMs);
        const QString error = QString::fromStdString(runner.run(id)->error);
        QVERIFY2(error.contains(QStringLiteral("134")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("std::bad_alloc")), qPrintable(error));
        QVERIFY(runner.run(id)->can_resume());
    }

    void anErrorEventIsTheRunsError() {
        QTemporaryDir dir;
        const QString script = writeScript(
            dir, "error.sh",
            "echo '{\"event\":\"error\",\"message\":\"no such GPU: cuda:7\"}'\nexit 1\n");
        JobRunner runner(dir.filePath("runs"), script);
        const QString id = runner.submit(trainOn("cuda:7"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(runner, id), jobs::RunStatus::Failed, kTimeoutMs);
        QCOMPARE(runner.run(id)->error, std::string("no such GPU: cuda:7"));
    }

    void aMissingProgramFailsSayingSo() {
        QTemporaryDir dir;
        JobRunner runner(dir.filePath("runs"), QString());
        const QString id = runner.submit(trainOn("cpu"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(runner, id), jobs::RunStatus::Failed, kTimeoutMs);
        QVERIFY(QString::fromStdString(runner.run(id)->error).contains(QStringLiteral("liveml")));
    }

    void oneJobPerDeviceAndCancelStopsBoth() {
        QTemporaryDir dir;
        // Runs until SIGTERM, then reports a stopped result as `liveml clip train` does.
        const QString script = writeScript(
            dir, "long.sh",
            "trap 'echo \"{\\\"event\\\":\\\"result\\\",\\\"stopped\\\":true}\"; exit 130' TERM\n"
            "echo "
            "'{\"event\":\"progress\",\"phase\":\"train\",\"step\":1,\"total\":9,\"loss\":2}'\n"
            "while true; do sleep 0.05; done\n");
        JobRunner runner(dir.filePath("runs"), script);
        const QString first = runner.submit(trainOn("cpu"));
        const QString second = runner.submit(trainOn("cpu"));
        const QString gpu = runner.submit(trainOn("cuda:0"));
        QCOMPARE(statusOf(runner, first), jobs::RunStatus::Running);
        QCOMPARE(statusOf(runner, second), jobs::RunStatus::Queued);
        QCOMPARE(statusOf(runner, gpu), jobs::RunStatus::Running);
        QTRY_VERIFY_WITH_TIMEOUT(runner.progress(first) && runner.progress(first)->step == 1,
                                 kTimeoutMs);
        QVERIFY(runner.cancel(first));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(runner, first), jobs::RunStatus::Stopped, kTimeoutMs);
        QVERIFY(runner.result(first)->at("stopped").get<bool>());
        // The CPU is free: the queued run starts.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(runner, second), jobs::RunStatus::Running, kTimeoutMs);
        QVERIFY(!runner.remove(second)); // not while it runs
        QVERIFY(runner.cancel(second));
        QVERIFY(runner.cancel(gpu));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.run(second)->is_active() && !runner.run(gpu)->is_active(),
                                 kTimeoutMs);
        QVERIFY(runner.remove(second));
        QVERIFY(!runner.run(second));
        QVERIFY(!QFileInfo::exists(runner.runDir(second)));
    }

    void cancellingAQueuedRunStopsItWithoutStartingIt() {
        QTemporaryDir dir;
        const QString script = writeScript(dir, "sleep.sh", "exec sleep 30\n");
        JobRunner runner(dir.filePath("runs"), script);
        const QString first = runner.submit(trainOn("cpu"));
        const QString second = runner.submit(trainOn("cpu"));
        QVERIFY(runner.cancel(second));
        QCOMPARE(statusOf(runner, second), jobs::RunStatus::Stopped);
        QCOMPARE(runner.run(second)->started_ms, qint64(0));
        QVERIFY(runner.cancel(first));
        QTRY_VERIFY_WITH_TIMEOUT(!runner.run(first)->is_active(), kTimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "test_job_runner.moc"
