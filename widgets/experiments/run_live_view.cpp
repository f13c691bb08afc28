#include "experiments/run_live_view.hpp"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QVBoxLayout>

#include <cmath>

#include "dashboard/frame_clock.hpp"
#include "dashboard/live_chart.hpp"
#include "experiments/ingest_monitor.hpp"
#include "experiments/job_runner.hpp"
#include "experiments/job_texts.hpp"
#include "series/series_store.hpp"

namespace liveml::experiments {

namespace {

constexpr int kLogLines = 5000;
constexpr double kLossSmoothing = 0.6;
const char* const kLoss = "loss";
const char* const kThroughput = "throughput";

std::int64_t batchSize(const jobs::JobSpec& spec) {
    const auto it = spec.options.find("batch-size");
    if (it != spec.options.end() && it->is_number_integer()) return it->get<std::int64_t>();
    return 256; // liveml clip train's default
}

QString compactJson(const nlohmann::json& body) {
    nlohmann::json shown = body;
    shown.erase("event");
    shown.erase("studio_ms");
    QString text = QString::fromStdString(shown.dump());
    constexpr int kMax = 600;
    return text.size() > kMax ? text.left(kMax) + QStringLiteral("…") : text;
}

} // namespace

RunLiveView::RunLiveView(JobRunner& runner, QWidget* parent)
    : QWidget(parent), runner_(runner), status_(new QLabel(this)), device_(new QLabel(this)),
      progress_(new QProgressBar(this)), phase_(new QLabel(this)), charts_(new QHBoxLayout),
      ingest_(new IngestMonitor(this)), log_(new QPlainTextEdit(this)) {
    status_->setObjectName(QStringLiteral("runStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(kLogLines);
    log_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    progress_->setRange(0, 1);
    progress_->setValue(0);

    auto* top = new QHBoxLayout;
    top->addWidget(status_, 1);
    top->addWidget(device_);
    auto* bar = new QHBoxLayout;
    bar->addWidget(progress_, 1);
    bar->addWidget(phase_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(bar);
    layout->addLayout(charts_, 3);
    layout->addWidget(ingest_, 4);
    layout->addWidget(log_, 2);
    ingest_->hide();

    connect(&runner_, &JobRunner::eventReceived, this,
            [this](const QString& id, const StoredEvent& event) {
                if (id == runId_) addEvent(event);
            });
    connect(&runner_, &JobRunner::runChanged, this, [this](const QString& id) {
        if (id == runId_) updateStatus();
    });
    // The charts redraw on this view's one frame clock (as DashboardView's do), never per event.
    auto* clock = new dashboard::FrameClock(this);
    connect(clock, &dashboard::FrameClock::frame, this, [this] {
        if (ingest_->isVisible()) {
            ingest_->refresh();
        } else {
            lossChart_->refresh();
            throughputChart_->refresh();
        }
    });
    rebuildCharts();
    retranslate();
}

RunLiveView::~RunLiveView() = default;

void RunLiveView::rebuildCharts() {
    // A store per shown run: LiveChart overlays every run of a store, the view shows one.
    delete lossChart_;
    delete throughputChart_;
    store_ = std::make_unique<series::SeriesStore>();
    lossChart_ = new dashboard::LiveChart(*store_, this);
    lossChart_->setObjectName(QStringLiteral("lossChart"));
    lossChart_->setSmoothing(kLossSmoothing);
    throughputChart_ = new dashboard::LiveChart(*store_, this);
    throughputChart_->setObjectName(QStringLiteral("throughputChart"));
    throughputChart_->setZeroBased(true);
    lossChart_->addMetric(kLoss, tr("loss"));
    throughputChart_->addMetric(kThroughput, tr("pairs/s"));
    charts_->addWidget(lossChart_);
    charts_->addWidget(throughputChart_);
    lossPoints_ = throughputPoints_ = 0;
    retranslate();
}

void RunLiveView::showRun(const QString& id) {
    runId_ = id;
    log_->clear();
    rebuildCharts();
    const jobs::RunRecord* run = runner_.run(id);
    batchSize_ = run ? batchSize(run->spec) : 256;
    const bool ingest = run && run->spec.kind == jobs::JobKind::Ingest;
    lossChart_->setVisible(!ingest);
    throughputChart_->setVisible(!ingest);
    ingest_->setVisible(ingest);
    if (ingest) {
        // A watched folder's thumbnails are files in the run folder; a bucket's stay there.
        const bool watches = !run->spec.option("watch").empty();
        const auto option = [&](const char* key) {
            return QString::fromStdString(run->spec.option(key));
        };
        ingest_->reset(watches
                           ? QString::fromStdString(
                                 jobs::thumbnails_path(runner_.runDir(id).toStdString()).string())
                           : QString(),
                       {option("s3-endpoint"), option("out-bucket"), option("access-key-env"),
                        option("secret-key-env")});
    }
    curve_ = std::make_unique<jobs::TrainingCurve>(batchSize_);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    phase_->clear();
    for (const StoredEvent& event : runner_.events(id))
        addEvent(event);
    updateStatus();
}

void RunLiveView::addEvent(const StoredEvent& stored) {
    const jobs::JobEvent& event = stored.event;
    const QLocale locale;
    if (ingest_->isVisibleTo(this)) {
        ingest_->push(event, stored.arrivedMs);
        // One line per object would bury the log: the monitor shows them; what was
        // dead-lettered, and why, stays in the log.
        if (event.name == "stats" ||
            (event.name == "object" && event.body.value("status", std::string()) != "failed"))
            return;
    }
    switch (event.type) {
    case jobs::EventType::Progress: {
        progress_->setRange(0, int(std::max<qint64>(event.total, 1)));
        progress_->setValue(int(std::min<qint64>(event.step, std::max<qint64>(event.total, 1))));
        QString text = QString::fromStdString(event.phase);
        if (event.eta_s)
            text = tr("%1 · %2 s left").arg(text, locale.toString(*event.eta_s, 'f', 0));
        phase_->setText(text);
        if (event.loss)
            appendLog(tr("[%1] step %2/%3, loss %4")
                          .arg(QString::fromStdString(event.phase))
                          .arg(event.step)
                          .arg(event.total)
                          .arg(locale.toString(*event.loss, 'f', 4)));
        else
            appendLog(tr("[%1] %2/%3")
                          .arg(QString::fromStdString(event.phase))
                          .arg(event.step)
                          .arg(event.total));
        if (curve_)
            if (const auto point = curve_->push(event, stored.arrivedMs)) {
                const double t = double(stored.arrivedMs) / 1000.0;
                const std::string run = runId_.toStdString();
                // LiveChart's step axis counts samples seen: pairs = steps × batch size.
                const double pairs = point->step * double(batchSize_);
                store_->append({run, kLoss}, {pairs, t, point->loss});
                ++lossPoints_;
                if (point->throughput) {
                    store_->append({run, kThroughput}, {pairs, t, *point->throughput});
                    ++throughputPoints_;
                }
            }
        break;
    }
    case jobs::EventType::Skipped:
        appendLog(tr("skipped: %1").arg(QString::fromStdString(event.message)));
        break;
    case jobs::EventType::Error:
        appendLog(tr("error: %1").arg(QString::fromStdString(event.message)));
        break;
    case jobs::EventType::Result:
        progress_->setValue(progress_->maximum());
        appendLog(tr("result: %1").arg(compactJson(event.body)));
        break;
    default:
        appendLog(QStringLiteral("%1: %2").arg(QString::fromStdString(event.name),
                                               compactJson(event.body)));
        break;
    }
}

void RunLiveView::appendLog(const QString& line) {
    log_->appendPlainText(line);
}

QString RunLiveView::phaseText() const {
    return phase_->text();
}
QString RunLiveView::statusText() const {
    return status_->text();
}
QString RunLiveView::logText() const {
    return log_->toPlainText();
}

void RunLiveView::updateStatus() {
    const jobs::RunRecord* run = runner_.run(runId_);
    failed_ = run && run->status == jobs::RunStatus::Failed;
    if (!run) {
        status_->setText(tr("No run selected"));
        status_->setStyleSheet({});
        device_->clear();
        return;
    }
    QString text =
        QStringLiteral("<b>%1</b> · %2 · %3")
            .arg(kindText(run->spec.kind), QString::fromStdString(run->id).toHtmlEscaped(),
                 experiments::statusText(run->status));
    if (failed_)
        text += QStringLiteral("<br>") + QString::fromStdString(run->error).toHtmlEscaped();
    status_->setText(text);
    // Red for a failure whatever the theme: the error is what the user must see first.
    status_->setStyleSheet(failed_ ? QStringLiteral("QLabel { color: white; background: #c62828; "
                                                    "padding: 4px; border-radius: 3px; }")
                                   : QString());
    device_->setText(tr("Device: %1").arg(QString::fromStdString(run->device)));
}

void RunLiveView::retranslate() {
    lossChart_->setTitle(tr("Loss"));
    lossChart_->setValueLabel(tr("InfoNCE loss"));
    lossChart_->setMetricLabel(kLoss, tr("loss"));
    throughputChart_->setTitle(tr("Throughput"));
    throughputChart_->setValueLabel(tr("pairs/s"));
    throughputChart_->setMetricLabel(kThroughput, tr("pairs/s"));
    updateStatus();
}

void RunLiveView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::experiments
