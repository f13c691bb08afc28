#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

#include "demo_digits.hpp"
#include "draw_page.hpp"
#include "drawing_canvas.hpp"
#include "gui_test_support.hpp"
#include "language_manager.hpp"
#include "main_window.hpp"
#include "model_info_panel.hpp"
#include "model_shelf.hpp"
#include "online/model_file.hpp"
#include "prediction_badge.hpp"
#include "probability_chart.hpp"
#include "studio_style.hpp"

using liveml::guitest::drawWithMouse;
using liveml::studio::LanguageManager;
using liveml::studio::MainWindow;
using liveml::widgets::ModelShelf;
using liveml::widgets::PredictionBadge;

namespace {
constexpr int kModelMs = 60000;
constexpr int kWaitMs = 5000;

// Waits until the prediction of the canvas's latest image is on screen: intermediate
// results of a stroke arrive first and must not be mistaken for the final one.
bool settled(MainWindow& window) {
    return QTest::qWaitFor([&] { return window.predictionService().isIdle(); }, kWaitMs);
}

double barSum(const liveml::widgets::ProbabilityChart& chart) {
    const QList<double> v = chart.values();
    return std::accumulate(v.begin(), v.end(), 0.0);
}
} // namespace

// Drives the real window: the Draw page wired to the prediction service and model loader.
class TestMainWindow : public QObject {
    Q_OBJECT
  private slots:
    void init() {
        languages_ = std::make_unique<LanguageManager>();
        window_ = std::make_unique<MainWindow>(*languages_);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->start();
        QTRY_VERIFY_WITH_TIMEOUT(window_->predictionService().model() != nullptr, kModelMs);
    }
    void cleanup() {
        window_.reset();
        languages_.reset();
    }

    void predictsWhileTheStrokeIsStillGoing() {
        auto& canvas = *window_->drawPage()->canvas();
        const liveml::widgets::Stroke stroke = liveml::widgets::demoDigit(1).front();
        const qreal side = qMin(canvas.width(), canvas.height());
        const QPointF origin((canvas.width() - side) / 2.0, (canvas.height() - side) / 2.0);
        QTest::mousePress(&canvas, Qt::LeftButton, {},
                          (origin + stroke.front().pos * side).toPoint());
        for (const auto& point : stroke)
            QTest::mouseMove(&canvas, (origin + point.pos * side).toPoint());
        // Not released yet: the answer must already be there.
        QTRY_COMPARE_WITH_TIMEOUT(window_->drawPage()->badge()->state(),
                                  PredictionBadge::State::Answer, kWaitMs);
        QTest::mouseRelease(&canvas, Qt::LeftButton, {},
                            (origin + stroke.back().pos * side).toPoint());
    }

    void drawnDigitFillsTheBars() {
        auto* page = window_->drawPage();
        drawWithMouse(*page->canvas(), liveml::widgets::demoDigit(3));
        QVERIFY(settled(*window_));
        QVERIFY(qAbs(barSum(*page->chart()) - 1.0) < 1e-9);
        QCOMPARE(page->badge()->state(), PredictionBadge::State::Answer);
        QCOMPARE(page->badge()->digitText(), QString::number(page->chart()->highlightedClass()));
        QCOMPARE(page->chart()->highlightedClass(), 3);
    }

    void escapeClearsThePrediction() {
        auto* page = window_->drawPage();
        drawWithMouse(*page->canvas(), liveml::widgets::demoDigit(7));
        QVERIFY(settled(*window_));
        QVERIFY(qAbs(barSum(*page->chart()) - 1.0) < 1e-9);
        QTest::keyClick(page->canvas(), Qt::Key_Escape);
        QVERIFY(settled(*window_));
        QCOMPARE(page->badge()->state(), PredictionBadge::State::NoDrawing);
        QCOMPARE(barSum(*page->chart()), 0.0);
        QCOMPARE(page->chart()->highlightedClass(), -1);
    }

    void undoRestoresThePreviousPrediction() {
        auto* page = window_->drawPage();
        drawWithMouse(*page->canvas(), liveml::widgets::demoDigit(0));
        QVERIFY(settled(*window_));
        QCOMPARE(page->badge()->state(), PredictionBadge::State::Answer);
        const QList<double> before = page->chart()->values();
        QTest::keyClick(page->canvas(), Qt::Key_Escape);
        QVERIFY(settled(*window_));
        QCOMPARE(page->badge()->state(), PredictionBadge::State::NoDrawing);
        QTest::keyClick(page->canvas(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(settled(*window_));
        QCOMPARE(page->chart()->values(), before);
    }

    void canvasPresetAnswersAndTheLearnerCanBeChosen() {
        auto* page = window_->drawPage();
        auto& shelf = window_->modelShelf();
        QTRY_VERIFY_WITH_TIMEOUT(shelf.model(ModelShelf::kSgd) != nullptr, kModelMs);
        QComboBox& choice = *page->learnerChoice();
        QCOMPARE(choice.count(), 2);
        QCOMPARE(choice.currentData().toString(), ModelShelf::kCanvas);
        QCOMPARE(window_->predictionService().model()->classifier->kind(), std::string_view("mlp"));
        QVERIFY(page->modelInfo()->fieldText(2).startsWith(QStringLiteral("MLP")));
        QVERIFY(
            choice.itemData(1, Qt::ToolTipRole).toString().contains(QStringLiteral("saturate")));

        drawWithMouse(*page->canvas(), liveml::widgets::demoDigit(3));
        QVERIFY(settled(*window_));
        QVERIFY(!page->comparison()->isVisible());
        page->compareBox()->setChecked(true);
        QVERIFY(page->comparison()->isVisible());
        QCOMPARE(page->comparison()->rowCount(), 2);
        QCOMPARE(page->comparison()->item(0, 0)->text(), ModelShelf::title(ModelShelf::kCanvas));
        QCOMPARE(page->comparison()->item(0, 1)->text(), QStringLiteral("3"));
        QCOMPARE(page->comparison()->item(1, 0)->text(), ModelShelf::title(ModelShelf::kSgd));
        QVERIFY(page->comparison()->item(1, 2)->text().endsWith(QStringLiteral("%")));

        choice.setCurrentIndex(1);
        emit choice.activated(1); // as a click on the item does
        QCOMPARE(shelf.selected(), ModelShelf::kSgd);
        QVERIFY(settled(*window_));
        QCOMPARE(window_->predictionService().model()->classifier->kind(),
                 std::string_view("sgd_classifier"));
        QVERIFY(page->modelInfo()->fieldText(2).startsWith(QStringLiteral("SGD")));
        QCOMPARE(page->comparison()->item(0, 0)->text(), ModelShelf::title(ModelShelf::kSgd));
        QCOMPARE(page->badge()->digitText(), page->comparison()->item(0, 1)->text());

        // A new model for a listed learner (a stream checkpoint) leaves the list as it is: an
        // open drop-down would otherwise close under the pointer.
        QSignalSpy removed(choice.model(), &QAbstractItemModel::rowsRemoved);
        shelf.put(*shelf.model(ModelShelf::kSgd));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(choice.currentData().toString(), ModelShelf::kSgd);
    }

    void corruptModelShowsAnErrorAndKeepsTheModel() {
        const auto before = window_->predictionService().model();
        QTemporaryDir dir;
        QVERIFY(!window_->openModelFile(liveml::guitest::writeCorruptModel(dir.path())));
        QTRY_VERIFY_WITH_TIMEOUT(window_->findChild<QMessageBox*>() != nullptr, kWaitMs);
        auto* box = window_->findChild<QMessageBox*>();
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("corrupt.livemlm")));
        QCOMPARE(window_->predictionService().model(), before);
        box->accept();
    }

    void openingAModelSwitchesWhatAnswers() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.livemlm"));
        liveml::online::save_model_file(path.toStdString(),
                                        *liveml::guitest::defaultModel().classifier);
        QVERIFY(window_->openModelFile(path));
        QCOMPARE(window_->predictionService().model()->path, path);
        const auto labels = window_->statusBar()->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* l) {
            return l->text().contains(QStringLiteral("mine.livemlm"));
        }));
    }

    void languageSwitchesAtRunTime() {
        const QString english = window_->windowTitle();
        QVERIFY(languages_->setLanguage(QStringLiteral("zh_CN")));
        QTRY_VERIFY_WITH_TIMEOUT(window_->windowTitle() != english, kWaitMs);
        QVERIFY(languages_->setLanguage(QStringLiteral("en")));
        QTRY_COMPARE_WITH_TIMEOUT(window_->windowTitle(), english, kWaitMs);
        QVERIFY(!languages_->setLanguage(QStringLiteral("xx")));
    }

    void themeSwitchesAtRunTimeAndIsRemembered() {
        auto* light = window_->findChild<QAction*>(QStringLiteral("theme-light"));
        auto* dark = window_->findChild<QAction*>(QStringLiteral("theme-dark"));
        QVERIFY(light && dark);
        const auto* chart = window_->findChild<liveml::widgets::ProbabilityChart*>();
        QVERIFY(chart);
        const auto windowLightness = [] {
            return QApplication::palette().color(QPalette::Window).lightness();
        };
        light->trigger();
        QVERIFY(windowLightness() > 127);
        QCOMPARE(liveml::studio::savedTheme(), liveml::studio::Theme::Light);
        // The widgets follow the new palette (the charts re-theme on PaletteChange).
        QVERIFY(chart->palette().color(QPalette::Window).lightness() > 127);
        dark->trigger();
        QVERIFY(windowLightness() < 128);
        QCOMPARE(liveml::studio::savedTheme(), liveml::studio::Theme::Dark);
        QVERIFY(chart->palette().color(QPalette::Window).lightness() < 128);
    }

    void localePicksTheLanguage() {
        QCOMPARE(LanguageManager::codeForLocale(QLocale(QStringLiteral("zh_CN"))),
                 QStringLiteral("zh_CN"));
        QCOMPARE(LanguageManager::codeForLocale(QLocale(QStringLiteral("zh_Hans_SG"))),
                 QStringLiteral("zh_CN"));
        QCOMPARE(LanguageManager::codeForLocale(QLocale(QStringLiteral("zh_TW"))),
                 QStringLiteral("en"));
        QCOMPARE(LanguageManager::codeForLocale(QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("en"));
    }

    void englishHasPluralForms() {
        QVERIFY(languages_->setLanguage(QStringLiteral("en")));
        const auto history = [](int n) {
            return QCoreApplication::translate("liveml::streamui::StreamMonitor",
                                               "history: %n metrics records", nullptr, n);
        };
        QCOMPARE(history(1), QStringLiteral("history: 1 metrics record"));
        QCOMPARE(history(3), QStringLiteral("history: 3 metrics records"));
    }

  private:
    std::unique_ptr<LanguageManager> languages_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
