// The loop closed, end to end, through the studio window: local mode (real broker, private
// Redis, `liveml train` and `liveml produce` children), a user's "7" drawn on the canvas with
// the mouse, corrections sent with the feedback bar, the trainer's next checkpoint reloaded over
// pub/sub, and the canvas's answer for that user's handwriting changed. The dashboard must have
// seen the corrections too, and the model must still read the plainly written digits.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "dashboard/dashboard_feed.hpp"
#include "dashboard/dashboard_view.hpp"
#include "dashboard/metric_names.hpp"
#include "demo_digits.hpp"
#include "draw_page.hpp"
#include "drawing_canvas.hpp"
#include "gui_test_support.hpp"
#include "language_manager.hpp"
#include "main_window.hpp"
#include "model_info_panel.hpp"
#include "prediction.hpp"
#include "prediction_badge.hpp"
#include "stream/feedback_bar.hpp"
#include "stream/local_stack.hpp"
#include "stream_page.hpp"
#include "user_handwriting.hpp"

using namespace liveml;
using studio::MainWindow;

namespace {
constexpr int kSeven = 7;
constexpr int kMaxCorrections = 60;
constexpr int kCorrectionPauseMs = 150; // a quick user
constexpr int kOtherDrawings = 6;
constexpr int kProducerRate = 1000;          // records/s while the stream model warms up
constexpr std::uint64_t kWarmSamples = 4000; // about two passes over the bundled digits
constexpr int kStartMs = 60000;
constexpr int kQuietMs = 3000; // > the trainer's 2-s checkpoint interval
constexpr int kAdaptMs = 30000;
constexpr int kPredictMs = 5000;

double probabilityOf(const widgets::Prediction& prediction, int label) {
    for (std::size_t i = 0; i < prediction.classes.size(); ++i)
        if (prediction.classes[i] == label) return prediction.probabilities[i];
    return 0.0;
}

std::uint64_t confusionRow(const dashboard::DashboardFeed::Snapshot& snapshot, int actual) {
    std::uint64_t sum = 0;
    for (std::uint64_t cell : snapshot.confusion[std::size_t(actual)])
        sum += cell;
    return sum;
}
} // namespace

class TestCanvasAdaptation : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void cleanupTestCase();
    void canvasAndStreamPageShowTheSameModel();
    void lateDefaultModelKeepsTheStreamModel();
    void correctionsTeachTheUsersHandwriting();

  private:
    std::shared_ptr<const widgets::LoadedModel> streamModel() const;
    // Draws on the canvas with the mouse and returns the answer shown for it.
    widgets::Prediction drawAndPredict(const widgets::Drawing& drawing);
    // Waits until no new checkpoint arrives for kQuietMs (the producer is paused).
    void waitForQuietModel();

    QTemporaryDir config_;
    std::unique_ptr<studio::LanguageManager> languages_;
    std::unique_ptr<MainWindow> window_;
    widgets::Prediction last_;
    // On every model change: the canvas's model panel (version, age) and the Stream page's.
    QList<std::pair<QString, QString>> shownTogether_;
};

void TestCanvasAdaptation::initTestCase() {
    QVERIFY(config_.isValid());
    // Settings of the developer's own studio are neither read nor changed.
    qputenv("XDG_CONFIG_HOME", config_.path().toLocal8Bit());
    qputenv("LIVEML_CLI", LIVEML_CLI_PATH);
    languages_ = std::make_unique<studio::LanguageManager>();
    window_ = std::make_unique<MainWindow>(*languages_);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    connect(&window_->predictionService(), &widgets::PredictionService::predictionReady, this,
            [this](const widgets::Prediction& p) { last_ = p; });
    // Connected after the Draw and Stream pages: both have redrawn when this runs.
    connect(&window_->predictionService(), &widgets::PredictionService::modelChanged, this, [this] {
        shownTogether_.append({window_->drawPage()->modelInfo()->fieldText(4),
                               window_->streamPage()->modelStatusText()});
    });
    window_->streamPage()->localStack()->setRate(kProducerRate);
    QVERIFY(window_->startDemo());
    QTRY_VERIFY_WITH_TIMEOUT(
        streamModel() && streamModel()->classifier->samples_seen() >= kWarmSamples, kStartMs);
    // From here on only the user's corrections reach the trainer: what changes is theirs.
    window_->streamPage()->localStack()->setProducerPaused(true);
    waitForQuietModel();
}

void TestCanvasAdaptation::cleanupTestCase() {
    window_.reset();
}

std::shared_ptr<const widgets::LoadedModel> TestCanvasAdaptation::streamModel() const {
    auto model = window_->predictionService().model();
    return model && model->origin == widgets::ModelOrigin::Stream ? model : nullptr;
}

widgets::Prediction TestCanvasAdaptation::drawAndPredict(const widgets::Drawing& drawing) {
    widgets::DrawingCanvas& canvas = *window_->drawPage()->canvas();
    canvas.clear();
    guitest::drawWithMouse(canvas, drawing);
    // Intermediate answers of a stroke in progress arrive first: wait for the last one.
    if (!QTest::qWaitFor([&] { return window_->predictionService().isIdle(); }, kPredictMs))
        qWarning("prediction service still busy");
    return last_;
}

void TestCanvasAdaptation::waitForQuietModel() {
    QElapsedTimer quiet;
    quiet.start();
    QElapsedTimer total;
    total.start();
    qint64 version = streamModel() ? streamModel()->streamVersion : 0;
    while (quiet.elapsed() < kQuietMs && total.elapsed() < kAdaptMs) {
        QTest::qWait(100);
        const qint64 now = streamModel() ? streamModel()->streamVersion : 0;
        if (now != version) {
            version = now;
            quiet.restart();
        }
    }
    QVERIFY2(quiet.elapsed() >= kQuietMs, "the trainer kept writing checkpoints while paused");
}

void TestCanvasAdaptation::canvasAndStreamPageShowTheSameModel() {
    const auto model = streamModel();
    QVERIFY(model);
    const QString version = QString::number(model->streamVersion);
    QVERIFY(window_->drawPage()->modelInfo()->fieldText(0).contains(version));
    // After each reload both pages name the same version with the same age.
    QVERIFY(shownTogether_.size() >= 2);
    for (const auto& [panel, page] : shownTogether_) {
        if (!panel.startsWith(QLatin1String("version"))) continue; // not a stream model
        QCOMPARE(page, QStringLiteral("Canvas model: ") + panel);
    }
    QVERIFY2(shownTogether_.last().first.startsWith(QStringLiteral("version %1,").arg(version)),
             qPrintable(shownTogether_.last().first));
    // Both keep counting the age from the checkpoint, in step.
    QTest::qWait(1100);
    QCOMPARE(window_->streamPage()->modelStatusText(),
             QStringLiteral("Canvas model: ") + window_->drawPage()->modelInfo()->fieldText(4));
    QVERIFY(model->checkpointedAt.isValid());
    QVERIFY(model->checkpointedAt <= model->loadedAt.addMSecs(1));
}

void TestCanvasAdaptation::lateDefaultModelKeepsTheStreamModel() {
    const auto before = streamModel();
    QVERIFY(before);
    QSignalSpy settled(window_.get(), &MainWindow::modelSettled);
    window_->start(); // prepares the default model, which now arrives after the stream's
    QVERIFY(settled.wait(kStartMs));
    QCOMPARE(window_->predictionService().model(), before);
}

void TestCanvasAdaptation::correctionsTeachTheUsersHandwriting() {
    streamui::FeedbackBar& feedback = *window_->streamPage()->feedbackBar();
    dashboard::DashboardView& dashboard = *window_->streamPage()->dashboard();
    const std::shared_ptr<const widgets::LoadedModel> trained = streamModel();

    // Plain digits: what the model reads before the user teaches it anything.
    std::array<int, 10> plainBefore{};
    for (int d = 0; d < 10; ++d)
        plainBefore[std::size_t(d)] = drawAndPredict(widgets::demoDigit(d)).label;
    const auto otherSevens = [this] {
        int sevens = 0;
        for (int v = 1000; v < 1000 + kOtherDrawings; ++v)
            sevens += drawAndPredict(studio::userSeven(v)).label == kSeven ? 1 : 0;
        return sevens;
    };
    const int otherSevensBefore = otherSevens();

    const widgets::Prediction before = drawAndPredict(studio::userSeven(0));
    const QImage heldOut = window_->drawPage()->canvas()->grayImage(); // never sent
    const double sevenBefore = probabilityOf(before, kSeven);
    qInfo("before: model version %lld, %llu samples; the user's 7 reads as %d, p(7) = %.3f",
          trained->streamVersion, qulonglong(trained->classifier->samples_seen()), before.label,
          sevenBefore);
    QVERIFY2(before.label != kSeven, "the stream model already reads this 7: nothing to teach");

    // The user corrects new drawings of their 7, one after another, as long as the newest
    // model (reloaded every checkpoint) still misreads the drawing they started with.
    const auto dashboardBefore = dashboard.feed().snapshot();
    const std::uint64_t samplesBefore = trained->classifier->samples_seen();
    const auto readsHeldOut = [&] {
        const auto model = streamModel();
        return model->classifier->samples_seen() > samplesBefore &&
               widgets::predictDrawing(heldOut, model->classifier.get()).label == kSeven;
    };
    QElapsedTimer clock;
    clock.start();
    int sent = 0;
    while (sent < kMaxCorrections && !readsHeldOut()) {
        const widgets::Prediction shown = drawAndPredict(studio::userSeven(++sent));
        QVERIFY(shown.hasResult());
        QVERIFY(feedback.labelButton(kSeven)->isEnabled());
        QTest::mouseClick(feedback.labelButton(kSeven), Qt::LeftButton);
        QTest::qWait(kCorrectionPauseMs);
    }
    // The last corrections may still be on their way: the model has learnt all of them.
    QTRY_VERIFY_WITH_TIMEOUT(streamModel()->classifier->samples_seen() == samplesBefore + sent,
                             kAdaptMs);
    QVERIFY2(readsHeldOut(),
             qPrintable(QStringLiteral("still not a 7 after %1 corrections").arg(sent)));
    const double seconds = clock.elapsed() / 1000.0;

    // The canvas shows it: the same drawing, drawn again, now reads as a 7.
    const widgets::Prediction after = drawAndPredict(studio::userSeven(0));
    const double sevenAfter = probabilityOf(after, kSeven);
    qInfo("after %d corrections and %.1f s: version %lld, %llu samples; the 7 reads as %d, "
          "p(7) = %.3f",
          sent, seconds, streamModel()->streamVersion,
          qulonglong(streamModel()->classifier->samples_seen()), after.label, sevenAfter);
    QCOMPARE(after.label, kSeven);
    QVERIFY(sevenAfter > sevenBefore + 0.5);
    QCOMPARE(window_->drawPage()->badge()->digitText(), QString::number(kSeven));
    // The canvas says which model answered, and the Stream page agrees.
    const QString version = QString::number(streamModel()->streamVersion);
    QVERIFY(window_->drawPage()->modelInfo()->fieldText(0).contains(version));
    QVERIFY(window_->streamPage()->modelStatusText().contains(version));

    // Other drawings by the same hand, never sent, are read as 7s more often too.
    const int otherSevensAfter = otherSevens();
    qInfo("other drawings of the user's 7 read as 7: %d of %d before, %d after", otherSevensBefore,
          kOtherDrawings, otherSevensAfter);
    QVERIFY(otherSevensAfter >= 2 && otherSevensAfter > otherSevensBefore);

    // Plainly written digits still read as before (the "1" may now lean to 7: that is the
    // user's own way of writing, close to a 1).
    int unchanged = 0;
    for (int d = 0; d < 10; ++d)
        if (d != 1 && drawAndPredict(widgets::demoDigit(d)).label == plainBefore[std::size_t(d)])
            ++unchanged;
    qInfo("%d of 9 plain digits (all but 1) read as before", unchanged);
    QVERIFY(unchanged >= 7);

    // The dashboard saw the corrections: as trained samples, as 7s in the label counts, and
    // in the confusion matrix's row of actual 7s (from the trainer's digit_predict records).
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.feed().snapshot().labels[kSeven] >=
                                     dashboardBefore.labels[kSeven] + sent &&
                                 confusionRow(dashboard.feed().snapshot(), kSeven) >=
                                     confusionRow(dashboardBefore, kSeven) + sent,
                             kAdaptMs);
    const auto snapshot = dashboard.feed().snapshot();
    QCOMPARE(snapshot.labels[kSeven], dashboardBefore.labels[kSeven] + sent);
    QCOMPARE(confusionRow(snapshot, kSeven), confusionRow(dashboardBefore, kSeven) + sent);
    const auto samplesSeen =
        dashboard.store().find({snapshot.run, dashboard::metric::kSamplesSeen});
    QVERIFY(samplesSeen);
    QCOMPARE(samplesSeen->snapshot().back().value, double(samplesBefore + sent));
}

QTEST_MAIN(TestCanvasAdaptation)
#include "test_canvas_adaptation.moc"
