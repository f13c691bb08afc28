// The Experiments page with real `liveml clip` jobs on tiny data: training from the form
// (events, chart, result), cancel and resume, a failing job, the history after the page is
// recreated, indexing, text and image search, zero-shot on the drawing, an ingest of a
// watched folder.
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <numeric>
#include <set>

#include "dashboard/confusion_matrix_chart.hpp"
#include "experiments/compare_view.hpp"
#include "experiments/gallery_images.hpp"
#include "experiments/ingest_monitor.hpp"
#include "experiments/job_form.hpp"
#include "experiments/job_runner.hpp"
#include "experiments/named_bar_chart.hpp"
#include "experiments/path_combo.hpp"
#include "experiments/run_history_model.hpp"
#include "experiments/run_live_view.hpp"
#include "experiments/run_results_view.hpp"
#include "experiments_page.hpp"

using namespace liveml;
using experiments::PathCombo;
using studio::ExperimentsPage;

namespace {

constexpr int kJobMs = 120000; // a job on the loaded 2-core machine, LibTorch start included

jobs::RunStatus statusOf(ExperimentsPage& page, const QString& id) {
    const jobs::RunRecord* run = page.runner().run(id);
    return run ? run->status : jobs::RunStatus::Failed;
}

template <typename W> W* field(ExperimentsPage& page, const char* name) {
    W* widget = page.form()->findChild<W*>(QLatin1String(name));
    if (!widget) qFatal("no form field %s", name);
    return widget;
}

} // namespace

class TestExperimentsPage : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString root_;
    QString modelRun_;
    QString indexRun_;

    std::unique_ptr<ExperimentsPage> newPage() {
        auto page = std::make_unique<ExperimentsPage>(root_);
        page->resize(1100, 760);
        page->show();
        return page;
    }

    // Train on digits from the form: 16 items, batch 8 (2 steps per epoch).
    void fillTraining(ExperimentsPage& page, int maxItems, int epochs) {
        page.form()->setKind(jobs::JobKind::Train);
        QVERIFY(field<PathCombo>(page, "trainDataset")->selectValue(QStringLiteral("digits")));
        field<QSpinBox>(page, "trainEpochs")->setValue(epochs);
        field<QSpinBox>(page, "trainBatch")->setValue(8);
        field<QSpinBox>(page, "trainMaxItems")->setValue(maxItems);
        field<QSpinBox>(page, "threads")->setValue(1);
        auto* device = field<QComboBox>(page, "device");
        device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
    }

  private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // LIVEML_TEST_KEEP_RUNS=DIR keeps the runs (docs/studio-experiments.md: screenshots).
        const QString keep = qEnvironmentVariable("LIVEML_TEST_KEEP_RUNS");
        root_ = keep.isEmpty() ? dir_.filePath(QStringLiteral("runs")) : keep;
        if (!keep.isEmpty()) QDir(keep).removeRecursively();
    }

    void jobsTheCliLacksAreDisabledWithAReason() {
        auto page = newPage();
        // The page asked `liveml clip --help`: this build has every job.
        QTRY_VERIFY_WITH_TIMEOUT(page->form()->isKindEnabled(jobs::JobKind::Train), 10000);
        // Kinds the CLI may lack stay disabled until it answered, so wait for one to enable.
        QTRY_VERIFY_WITH_TIMEOUT(page->form()->isKindEnabled(jobs::JobKind::Distill), 10000);
        for (const auto kind : jobs::kAllJobKinds)
            QVERIFY2(page->form()->isKindEnabled(kind), jobs::job_name(kind).data());
        // An older CLI without finetune and ingest: those two are disabled and say why.
        page->form()->setAvailableJobs({QStringLiteral("train"), QStringLiteral("distill"),
                                        QStringLiteral("compare"), QStringLiteral("index")});
        QVERIFY(!page->form()->isKindEnabled(jobs::JobKind::FineTune));
        QVERIFY(!page->form()->isKindEnabled(jobs::JobKind::Ingest));
        QVERIFY(page->form()->isKindEnabled(jobs::JobKind::Evaluate));
        auto* kinds = page->form()->findChild<QListWidget*>(QStringLiteral("jobKinds"));
        int disabled = 0;
        for (int row = 0; row < kinds->count(); ++row)
            if (!(kinds->item(row)->flags() & Qt::ItemIsEnabled)) {
                ++disabled;
                QVERIFY(kinds->item(row)->toolTip().contains(QStringLiteral("not available")));
            }
        QCOMPARE(disabled, 2);
    }

    void aTwoStepTrainingFromTheFormFinishesWithEventsChartAndResult() {
        auto page = newPage();
        fillTraining(*page, 16, 1);
        const QString id = page->start();
        QVERIFY2(!id.isEmpty(), qPrintable(page->errorText()));
        QCOMPARE(page->selectedRun(), id);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Done, kJobMs);
        const jobs::RunRecord* run = page->runner().run(id);
        QCOMPARE(run->device, std::string("cpu"));
        QVERIFY(run->headline && run->headline->metric == "final_loss");
        QVERIFY(std::isfinite(run->headline->value) && run->headline->value > 0);
        const auto result = page->runner().result(id);
        QCOMPARE(result->at("step").get<int>(), 2);
        QVERIFY(QFileInfo::exists(page->runner().outputDir(id) + QStringLiteral("/config.json")));
        // Progress events reached the live view: the train phase, its loss on the chart.
        QVERIFY2(page->liveView()->logText().contains(QStringLiteral("[train] step 2/2")),
                 qPrintable(page->liveView()->logText()));
        QCOMPARE(page->liveView()->lossPoints(), 1);
        QCOMPARE(page->liveView()->progressBar()->value(),
                 page->liveView()->progressBar()->maximum());
        QVERIFY(!page->liveView()->showsFailure());
        // The results tab lists the result's figures.
        page->resultsView()->showRun(id);
        QCOMPARE(page->resultsView()->currentView(), QStringLiteral("metrics"));
        QVERIFY(!page->resultsView()->metric(QStringLiteral("final_loss")).isEmpty());
        modelRun_ = id;
    }

    void cancelLeavesACheckpointAndResumeFinishesTheRun() {
        auto page = newPage();
        fillTraining(*page, 0, 2); // all 1,437 training digits: 179 full batches per epoch
        const QString id = page->start();
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(page->liveView()->lossPoints() >= 1, kJobMs);
        // The history's duration counts up while the run goes on (a second or more by now).
        const auto duration = [&] {
            auto* table = page->historyView()->model();
            return table->index(0, experiments::RunHistoryModel::Duration).data().toString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(duration() != QStringLiteral("0 s") && !duration().isEmpty(),
                                 5000);
        QVERIFY(page->cancelSelected());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Stopped, 20000);
        const auto stopped = page->runner().result(id);
        QVERIFY(stopped->at("stopped").get<bool>());
        const int stoppedAt = stopped->at("step").get<int>();
        const int total = stopped->at("total").get<int>();
        QCOMPARE(total, 2 * (1437 / 8));
        QVERIFY(stoppedAt > 0 && stoppedAt < total);
        QVERIFY(page->runner().run(id)->can_resume());
        QVERIFY(page->resumeSelected());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Done, kJobMs);
        const auto done = page->runner().result(id);
        QCOMPARE(done->at("start_step").get<int>(), stoppedAt);
        QCOMPARE(done->at("step").get<int>(), total);
        QVERIFY(!done->at("stopped").get<bool>());
        // Training events a second apart: the throughput chart has points too.
        QVERIFY(page->liveView()->throughputPoints() >= 1);
    }

    void aFailingJobShowsItsErrorAndTheHistoryRecordsIt() {
        auto page = newPage();
        // A folder that is no model: the job reports an error event naming it.
        QDir(dir_.path()).mkpath(QStringLiteral("not-a-model"));
        page->form()->setKind(jobs::JobKind::Evaluate);
        field<PathCombo>(*page, "evalModel")
            ->selectFolder(dir_.filePath(QStringLiteral("not-a-model")));
        const QString id = page->start();
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Failed, kJobMs);
        const QString error = QString::fromStdString(page->runner().run(id)->error);
        QVERIFY2(error.contains(QStringLiteral("not-a-model")), qPrintable(error));
        QVERIFY(page->liveView()->showsFailure());
        QVERIFY(page->liveView()->statusText().contains(error.toHtmlEscaped()));
        QVERIFY(page->liveView()->logText().contains(QStringLiteral("error: ")));
        const QModelIndex status = page->historyView()->model()->index(0, 4);
        QCOMPARE(status.data().toString(), QStringLiteral("failed"));
        QCOMPARE(status.data(Qt::ToolTipRole).toString(), error);
    }

    void theHistoryReloadsWhenThePageIsCreatedAgain() {
        auto page = newPage();
        QCOMPARE(page->historyView()->model()->rowCount(), 3);
        QCOMPARE(statusOf(*page, modelRun_), jobs::RunStatus::Done);
        QCOMPARE(page->runner().run(modelRun_)->headline->metric, std::string("final_loss"));
        // Newest first: the failed evaluation, then the resumed training, then the first one.
        QCOMPARE(page->historyView()->model()->index(0, 4).data().toString(),
                 QStringLiteral("failed"));
        QCOMPARE(page->selectedRun(), page->runner().runs().back().id.c_str());
        // Picking a finished run replays its events into the live view.
        page->selectRun(modelRun_);
        QCOMPARE(page->liveView()->lossPoints(), 1);
        QVERIFY(page->liveView()->logText().contains(QStringLiteral("result: ")));
        // Rerun: same parameters, a new run.
        const QString again = page->rerunSelected();
        QVERIFY(!again.isEmpty() && again != modelRun_);
        QCOMPARE(page->runner().run(again)->spec.options.dump(),
                 page->runner().run(modelRun_)->spec.options.dump());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, again), jobs::RunStatus::Done, kJobMs);
        QVERIFY(page->deleteRun(again));
        QVERIFY(!QFileInfo::exists(page->runner().runDir(again)));
        QCOMPARE(page->historyView()->model()->rowCount(), 3);
    }

    void indexThenSearchByTextAndByAResult() {
        auto page = newPage();
        const QString model = page->runner().outputDir(modelRun_);
        page->form()->setKind(jobs::JobKind::Index);
        QVERIFY(field<PathCombo>(*page, "indexModel")->selectValue(model));
        QVERIFY(field<PathCombo>(*page, "indexDataset")->selectValue(QStringLiteral("digits")));
        field<QSpinBox>(*page, "indexMaxItems")->setValue(40);
        indexRun_ = page->start();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, indexRun_), jobs::RunStatus::Done, kJobMs);
        QCOMPARE(page->runner().result(indexRun_)->at("size").get<int>(), 40);

        page->form()->setKind(jobs::JobKind::Search);
        QVERIFY(field<PathCombo>(*page, "searchIndex")
                    ->selectValue(page->runner().outputDir(indexRun_)));
        field<QLineEdit>(*page, "searchText")
            ->setText(QStringLiteral("a photo of the number three"));
        field<QSpinBox>(*page, "searchTopK")->setValue(6);
        const QString text = page->start();
        QVERIFY2(!text.isEmpty(), qPrintable(page->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, text), jobs::RunStatus::Done, kJobMs);
        QTRY_COMPARE(page->resultsView()->currentView(), QStringLiteral("search"));
        QListWidget* grid = page->resultsView()->searchGrid();
        QCOMPARE(grid->count(), 6);
        QVERIFY(!grid->item(0)->icon().isNull()); // the digit's thumbnail was decoded

        // Clicking a result searches by its picture: the item itself comes back first.
        const QString clicked = grid->item(2)->toolTip();
        const QRect cell = grid->visualItemRect(grid->item(2));
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_VERIFY_WITH_TIMEOUT(page->selectedRun() != text, 5000);
        const QString byImage = page->selectedRun();
        QCOMPARE(page->runner().run(byImage)->spec.kind, jobs::JobKind::Search);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, byImage), jobs::RunStatus::Done, kJobMs);
        const auto hits = page->runner().result(byImage)->at("results")[0]["images"];
        QCOMPARE(QString::fromStdString(hits[0]["path"].get<std::string>()), clicked);
        QVERIFY(hits[0]["score"].get<double>() > 0.999);
        QTRY_COMPARE(page->resultsView()->searchGrid()->count(), 6);
    }

    void ingestOfAWatchedFolderShowsRateSizeAndThumbnailsAndFeedsSearch() {
        const QString folder = dir_.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < 5; ++i) {
            // A number on a colour, so the grid (and the docs' screenshot) shows which is which.
            QImage image(96 + 16 * i, 96, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(60 * i, 120, 230));
            QPainter painter(&image);
            painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 40, QFont::Bold));
            painter.drawText(image.rect(), Qt::AlignCenter, QString::number(i));
            painter.end();
            QVERIFY(image.save(QStringLiteral("%1/item-%2.%3")
                                   .arg(folder)
                                   .arg(i)
                                   .arg(i % 2 ? QStringLiteral("jpg") : QStringLiteral("png"))));
        }
        QFile broken(folder + QStringLiteral("/broken.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a picture");
        broken.close();

        auto page = newPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->form()->isKindEnabled(jobs::JobKind::Ingest), 10000);
        page->form()->setKind(jobs::JobKind::Ingest);
        QVERIFY(field<PathCombo>(*page, "ingestModel")
                    ->selectValue(page->runner().outputDir(modelRun_)));
        QString missing;
        QVERIFY(!page->form()->spec(&missing)); // no folder chosen yet
        QVERIFY(missing.contains(QStringLiteral("folder")));
        page->form()->setIngestFolder(folder);
        field<QSpinBox>(*page, "threads")->setValue(1);
        const QString id = page->start();
        QVERIFY2(!id.isEmpty(), qPrintable(page->errorText()));
        experiments::IngestMonitor* monitor = page->liveView()->ingestMonitor();
        QVERIFY(monitor->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(monitor->picturesShown(), 5, kJobMs);
        QCOMPARE(monitor->thumbnailCount(), 5);
        QTRY_VERIFY(monitor->ratePoints() >= 1);
        QTRY_VERIFY2(monitor->countersText().contains(QStringLiteral("dead-lettered 1")),
                     qPrintable(monitor->countersText()));
        QVERIFY(page->liveView()->logText().contains(QStringLiteral("broken.png")));

        // A deleted file leaves the index and the grid.
        QVERIFY(QFile::remove(folder + QStringLiteral("/item-0.png")));
        QTRY_COMPARE_WITH_TIMEOUT(monitor->thumbnailCount(), 4, kJobMs);
        QTRY_VERIFY2(monitor->countersText().contains(QStringLiteral("<b>4</b>")),
                     qPrintable(monitor->countersText()));

        // It runs until cancelled; the index it kept is offered to Search.
        QVERIFY(page->cancelSelected());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Stopped, 20000);
        QCOMPARE(page->runner().result(id)->at("size").get<int>(), 4);
        page->form()->setKind(jobs::JobKind::Search);
        QVERIFY(field<PathCombo>(*page, "searchIndex")->selectValue(page->runner().outputDir(id)));

        // Shown again from the history, the run replays into the same view.
        page->liveView()->showRun(id);
        QVERIFY(monitor->isVisible());
        monitor->refresh();
        QCOMPARE(monitor->thumbnailCount(), 4);
        QCOMPARE(monitor->picturesShown(), 4);
    }

    void evaluationFillsTheMetricsTableAndZeroShotAccuracyTheRecallBars() {
        auto page = newPage();
        const QString model = page->runner().outputDir(modelRun_);
        page->form()->setKind(jobs::JobKind::Evaluate);
        QVERIFY(field<PathCombo>(*page, "evalModel")->selectValue(model));
        auto* dataset = field<QComboBox>(*page, "evalDataset");
        dataset->setCurrentIndex(dataset->findData(QStringLiteral("digits")));
        field<QSpinBox>(*page, "evalMaxItems")->setValue(100);
        const QString eval = page->start();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, eval), jobs::RunStatus::Done, kJobMs);
        QTRY_COMPARE(page->resultsView()->currentView(), QStringLiteral("metrics"));
        for (const char* key : {"zeroshot.top1", "zeroshot.top5", "zeroshot.mean_per_class_recall",
                                "retrieval.t2i.R@1", "retrieval.i2t.R@10", "retrieval.map",
                                "retrieval.ndcg@10", "latency_ms.p50", "qps"})
            QVERIFY2(!page->resultsView()->metric(QLatin1String(key)).isEmpty(), key);
        QCOMPARE(page->runner().run(eval)->headline->metric, std::string("top1"));
        // The zero-shot confusion matrix counts every image once, its diagonal the hits.
        const auto* confusion = page->resultsView()->confusionChart();
        QVERIFY(confusion->isVisible());
        const auto evalResult = page->runner().result(eval);
        double images = 0, hits = 0;
        for (int actual = 0; actual < 10; ++actual)
            for (int predicted = 0; predicted < 10; ++predicted) {
                const auto cell = evalResult->at("zeroshot").at("confusion")[actual][predicted];
                images += cell.get<double>();
                if (actual == predicted) hits += cell.get<double>();
            }
        QCOMPARE(images, 100.0);
        QCOMPARE(hits / images, evalResult->at("zeroshot").at("top1").get<double>());
        QCOMPARE(confusion->rowRate(3, 3),
                 evalResult->at("zeroshot").at("per_class_recall")[3].get<double>());

        page->form()->setKind(jobs::JobKind::ZeroShot);
        QVERIFY(field<PathCombo>(*page, "zeroshotModel")->selectValue(model));
        field<QRadioButton>(*page, "zeroshotOnDataset")->setChecked(true);
        auto* zsData = field<QComboBox>(*page, "zeroshotDataset");
        zsData->setCurrentIndex(zsData->findData(QStringLiteral("digits")));
        field<QSpinBox>(*page, "zeroshotMaxItems")->setValue(100);
        const QString accuracy = page->start();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, accuracy), jobs::RunStatus::Done, kJobMs);
        QTRY_COMPARE(page->resultsView()->currentView(), QStringLiteral("metrics"));
        const auto* recall = page->resultsView()->recallChart();
        QVERIFY(recall->isVisible());
        QCOMPARE(recall->names().size(), 10);
        const auto result = page->runner().result(accuracy);
        QCOMPARE(recall->values()[3], result->at("per_class_recall")[3].get<double>());
    }

    void compareFillsFromTwoTinyModels() {
        auto page = newPage();
        fillTraining(*page, 16, 2); // a second model: 4 steps instead of 2
        const QString other = page->start();
        QVERIFY2(!other.isEmpty(), qPrintable(page->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, other), jobs::RunStatus::Done, kJobMs);
        QTRY_VERIFY_WITH_TIMEOUT(page->form()->isKindEnabled(jobs::JobKind::Compare), 10000);
        page->form()->setKind(jobs::JobKind::Compare);
        auto* models = field<QListWidget>(*page, "compareModels");
        int ticked = 0;
        for (int row = 0; row < models->count(); ++row) {
            const QString path = models->item(row)->data(Qt::UserRole).toString();
            if (path == page->runner().outputDir(modelRun_) ||
                path == page->runner().outputDir(other)) {
                models->item(row)->setCheckState(Qt::Checked);
                ++ticked;
            }
        }
        QCOMPARE(ticked, 2);
        auto* dataset = field<QComboBox>(*page, "compareDataset");
        dataset->setCurrentIndex(dataset->findData(QStringLiteral("digits")));
        field<QSpinBox>(*page, "compareMaxItems")->setValue(100);
        const QString id = page->start();
        QVERIFY2(!id.isEmpty(), qPrintable(page->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Done, kJobMs);
        QTRY_COMPARE(page->resultsView()->currentView(), QStringLiteral("compare"));
        const auto* view = page->resultsView()->compareView();
        QCOMPARE(int(view->models().size()), 2);
        // Named by the runs that made them; the same architecture: equal parameter counts.
        const std::set<std::string> runs{view->models()[0].run_id, view->models()[1].run_id};
        QCOMPARE(runs, (std::set<std::string>{modelRun_.toStdString(), other.toStdString()}));
        QCOMPARE(view->models()[0].figure(jobs::kParamsTotal),
                 view->models()[1].figure(jobs::kParamsTotal));
        QCOMPARE(view->modelTable()->rowCount(), 2);
        // Their settings differ in the epochs alone (and what follows from them).
        bool epochsShown = false;
        for (int row = 0; row < view->settingsTable()->rowCount(); ++row)
            if (view->settingsTable()->verticalHeaderItem(row)->text() == QStringLiteral("epochs"))
                epochsShown = !view->settingsTable()->isRowHidden(row);
        QVERIFY(epochsShown);
    }

    // LoRA on the trained digits model from the form: 2 digits per class, 2 epochs; the
    // result compares base and tuned, and the merged model is offered to the other jobs.
    void fineTuneFromTheFormAdaptsTheModelAndOffersTheMergedOne() {
        auto page = newPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->form()->isKindEnabled(jobs::JobKind::FineTune), 10000);
        page->form()->setKind(jobs::JobKind::FineTune);
        QVERIFY(field<PathCombo>(*page, "finetuneBase")
                    ->selectValue(page->runner().outputDir(modelRun_)));
        QVERIFY(field<PathCombo>(*page, "finetuneDataset")->selectValue(QStringLiteral("digits")));
        field<QSpinBox>(*page, "finetuneShots")->setValue(2);
        field<QSpinBox>(*page, "finetuneEpochs")->setValue(2);
        field<QCheckBox>(*page, "finetuneTarget_k")->setChecked(true);
        field<QCheckBox>(*page, "finetuneImageTower")->setChecked(false);
        auto* device = field<QComboBox>(*page, "device");
        device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
        const QString id = page->start();
        QVERIFY2(!id.isEmpty(), qPrintable(page->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Done, kJobMs);
        const jobs::RunRecord* run = page->runner().run(id);
        QCOMPARE(run->spec.option("targets"), std::string("q,k,v,head"));
        QCOMPARE(run->spec.option("towers"), std::string("text"));
        const auto result = page->runner().result(id);
        QCOMPARE(result->at("items").get<int>(), 20);
        QVERIFY(!result->at("full").get<bool>());
        // q, k and v of each text layer; head is the image tower's, which was left out.
        QVERIFY(result->at("adapted_layers").get<int>() % 3 == 0);
        QVERIFY(run->headline && run->headline->metric == "top1");
        QCOMPARE(run->headline->value, result->at("target").at("tuned_top1").get<double>());
        const QString merged = page->runner().outputDir(id);
        QVERIFY(QFileInfo::exists(merged + QStringLiteral("/config.json")));
        QVERIFY(QFileInfo::exists(page->runner().runDir(id) +
                                  QStringLiteral("/adapter/adapter_config.json")));
        // Base and tuned side by side on digits (also the base's own data, so no second pair).
        page->resultsView()->showRun(id);
        QCOMPARE(page->resultsView()->currentView(), QStringLiteral("metrics"));
        const auto* bars = page->resultsView()->recallChart();
        QVERIFY(bars->isVisible());
        QCOMPARE(bars->names().size(), 2);
        QVERIFY(!result->contains("source"));
        QCOMPARE(bars->values()[1], result->at("target").at("tuned_top1").get<double>());
        // The merged model is a model the other jobs can pick.
        page->form()->setKind(jobs::JobKind::Evaluate);
        QVERIFY(field<PathCombo>(*page, "evalModel")->selectValue(merged));
    }

    void zeroShotOnTheDrawingShowsProbabilityBars() {
        auto page = newPage();
        experiments::GalleryImages gallery;
        const QImage digit = gallery.image(QStringLiteral("digits/test/3"));
        QVERIFY(!digit.isNull());
        // The canvas's convention: dark ink on white paper.
        QImage paper = digit.scaled(64, 64);
        paper.invertPixels();
        page->setDrawingSource([paper] { return paper; });
        page->form()->setKind(jobs::JobKind::ZeroShot);
        QVERIFY(field<PathCombo>(*page, "zeroshotModel")
                    ->selectValue(page->runner().outputDir(modelRun_)));
        // The model was trained on digits: its classes are offered.
        QCOMPARE(field<QLineEdit>(*page, "zeroshotClasses")->text().split(',').size(), 10);
        QVERIFY(page->form()->useDrawing(page->runner().root() + QStringLiteral("/inputs")));
        const QString id = page->start();
        QVERIFY2(!id.isEmpty(), qPrintable(page->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, id), jobs::RunStatus::Done, kJobMs);
        QTRY_COMPARE(page->resultsView()->currentView(), QStringLiteral("zeroshot"));
        const auto* bars = page->resultsView()->probabilityChart();
        QCOMPARE(bars->names().size(), 10);
        QCOMPARE(bars->names().front(), QStringLiteral("zero"));
        // The job saw the digit as the dataset has it: bright ink on black.
        const QString sent = QString::fromStdString(
            page->runner().run(id)->spec.options["images"][0].get<std::string>());
        QCOMPARE(QImage(sent).convertToFormat(QImage::Format_Grayscale8),
                 digit.scaled(64, 64).convertToFormat(QImage::Format_Grayscale8));
        const double sum = std::accumulate(bars->values().begin(), bars->values().end(), 0.0);
        QVERIFY2(std::abs(sum - 1.0) < 1e-3, qPrintable(QString::number(sum)));

        // The user's own templates replace the built-in ensemble: other prompts, other odds.
        const QVector<double> ensemble = bars->values();
        auto* templates = field<QPlainTextEdit>(*page, "zeroshotTemplates");
        templates->setPlainText(QStringLiteral("a photo of nothing"));
        QVERIFY(page->start().isEmpty());
        QVERIFY2(page->errorText().contains(QStringLiteral("{}")), qPrintable(page->errorText()));
        templates->setPlainText(QStringLiteral("a drawing of a {}.\n\n  {} \n"));
        const QString custom = page->start();
        QVERIFY2(!custom.isEmpty(), qPrintable(page->errorText()));
        QCOMPARE(
            QString::fromStdString(page->runner().run(custom)->spec.options["template"].dump()),
            QStringLiteral(R"(["a drawing of a {}.","{}"])"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*page, custom), jobs::RunStatus::Done, kJobMs);
        QTRY_VERIFY(page->selectedRun() == custom && bars->values() != ensemble);
        const double customSum = std::accumulate(bars->values().begin(), bars->values().end(), 0.0);
        QVERIFY2(std::abs(customSum - 1.0) < 1e-3, qPrintable(QString::number(customSum)));
    }
};

QTEST_MAIN(TestExperimentsPage)
#include "test_experiments_page.moc"
