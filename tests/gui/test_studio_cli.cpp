#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "gui_test_support.hpp"
#include "main_window.hpp"
#include "studio_options.hpp"

namespace {
constexpr int kRunMs = 120000;

struct Run {
    int exitCode = -1;
    QByteArray stderrText;
};

// Runs the real binary (headless through the inherited QT_QPA_PLATFORM=offscreen).
Run studio(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(LIVEML_STUDIO_PATH), arguments);
    if (!process.waitForFinished(kRunMs)) {
        process.kill();
        process.waitForFinished(1000);
        qFatal("liveml-studio did not finish");
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardError()};
}
} // namespace

class TestStudioCli : public QObject {
    Q_OBJECT
  private slots:
    void screenshotWritesAPngOfTheWindow() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run run =
            studio({QStringLiteral("--screenshot"), png, QStringLiteral("--quit-after-ms"),
                    QStringLiteral("100"), QStringLiteral("--draw-demo"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, run.stderrText.constData());
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        QImage image;
        QVERIFY(image.load(png, "PNG"));
        QCOMPARE(image.size(), liveml::studio::MainWindow::kDefaultSize);
        // The window is in it (a blank picture of the right size would pass the size check):
        // at least a tenth of it differs from the background.
        QVERIFY(liveml::guitest::pixelsUnlikeTheCorner(image) >
                image.width() * image.height() / 10);
    }

    void unwritableScreenshotFails() {
        const Run run =
            studio({QStringLiteral("--screenshot"), QStringLiteral("/nonexistent/dir/shot.png"),
                    QStringLiteral("--quit-after-ms"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, int(liveml::studio::kExitScreenshotFailed));
        QVERIFY(run.stderrText.contains("shot.png"));
    }

    void invalidArgumentsAreUsageErrors() {
        for (const QStringList& args :
             {QStringList{QStringLiteral("--draw-demo"), QStringLiteral("12")},
              QStringList{QStringLiteral("--quit-after-ms"), QStringLiteral("soon")},
              QStringList{QStringLiteral("--lang"), QStringLiteral("tlh")},
              QStringList{QStringLiteral("--theme"), QStringLiteral("purple")},
              QStringList{QStringLiteral("--no-such-flag")}}) {
            const Run run = studio(args);
            QCOMPARE(run.exitCode, int(liveml::studio::kExitUsage));
            QVERIFY(!run.stderrText.isEmpty());
        }
    }

    void badModelFileFallsBackToTheDefault() {
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("broken.livemlm"));
        QFile file(model);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model");
        file.close();
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run run = studio({QStringLiteral("--model"), model, QStringLiteral("--screenshot"),
                                png, QStringLiteral("--quit-after-ms"), QStringLiteral("0")});
        QVERIFY2(run.exitCode == 0, run.stderrText.constData());
        const QImage image(png);
        QCOMPARE(image.size(), liveml::studio::MainWindow::kDefaultSize);
        QVERIFY(liveml::guitest::pixelsUnlikeTheCorner(image) >
                image.width() * image.height() / 10);
    }
};

QTEST_MAIN(TestStudioCli)
#include "test_studio_cli.moc"
