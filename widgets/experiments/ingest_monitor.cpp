#include "experiments/ingest_monitor.hpp"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

#include "dashboard/live_chart.hpp"
#include "experiments/thumbnail_grid.hpp"
#include "series/series_store.hpp"

namespace liveml::experiments {

namespace {

constexpr int kThumbnail = 72;
constexpr std::size_t kNewest = 16;
const char* const kRun = "ingest";
const char* const kRate = "objects_per_s";
const char* const kSize = "index_size";

} // namespace

IngestMonitor::IngestMonitor(QWidget* parent)
    : QWidget(parent), rate_(nullptr), size_(nullptr), counters_(new QLabel(this)),
      newestTitle_(new QLabel(this)), grid_(newThumbnailGrid(kThumbnail)), progress_(kNewest) {
    counters_->setObjectName(QStringLiteral("ingestCounters"));
    counters_->setWordWrap(true);
    counters_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid_->setObjectName(QStringLiteral("ingestThumbnails"));
    grid_->setParent(this);
    grid_->setSelectionMode(QAbstractItemView::NoSelection);
    // One row of pictures with their names stays whole however tall the log is.
    grid_->setMinimumHeight(kThumbnail + 64);
    auto* charts = new QHBoxLayout;
    charts->setObjectName(QStringLiteral("ingestCharts"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(charts, 3);
    layout->addWidget(counters_);
    layout->addWidget(newestTitle_);
    layout->addWidget(grid_, 2);
    reset({}, S3ThumbnailSource{});
}

IngestMonitor::~IngestMonitor() = default;

void IngestMonitor::reset(const QString& thumbnailRoot, const S3ThumbnailSource& bucket) {
    thumbnailRoot_ = thumbnailRoot;
    bucket_ = bucket;
    fetcher_.reset();
    if (thumbnailRoot_.isEmpty() && bucket_.valid()) {
        fetcher_ = std::make_unique<S3Thumbnails>(bucket_);
        connect(fetcher_.get(), &S3Thumbnails::ready, this,
                [this](const QString& key, const QImage& image, const QString& why) {
                    pictures_.insert(key, thumbnailPixmap(image, kThumbnail));
                    if (image.isNull()) fetchFailures_.insert(key, why);
                    gridDirty_ = true;
                });
    }
    progress_ = jobs::IngestProgress(kNewest);
    pictures_.clear();
    fetchFailures_.clear();
    ratePoints_ = shown_ = 0;
    // A store per shown run, as RunLiveView keeps one: a chart overlays every run of its store.
    delete rate_;
    delete size_;
    store_ = std::make_unique<series::SeriesStore>();
    rate_ = new dashboard::LiveChart(*store_, this);
    rate_->setObjectName(QStringLiteral("ingestRateChart"));
    rate_->setZeroBased(true);
    rate_->addMetric(kRate, {});
    size_ = new dashboard::LiveChart(*store_, this);
    size_->setObjectName(QStringLiteral("ingestSizeChart"));
    size_->setZeroBased(true);
    size_->addMetric(kSize, {});
    auto* charts = findChild<QHBoxLayout*>(QStringLiteral("ingestCharts"));
    charts->addWidget(rate_);
    charts->addWidget(size_);
    gridDirty_ = true;
    retranslate();
}

void IngestMonitor::push(const jobs::JobEvent& event, qint64 arrivedMs) {
    if (!progress_.push(event)) return;
    if (event.name == "stats") {
        const jobs::IngestCounters& c = *progress_.counters();
        // x: events processed so far (the charts' step axis), t: when the studio read it.
        const double step = double(c.events);
        const double t = double(arrivedMs) / 1000.0;
        store_->append({kRun, kRate}, {step, t, c.objects_per_s});
        store_->append({kRun, kSize}, {step, t, double(c.size)});
        ++ratePoints_;
        updateCounters();
    } else {
        gridDirty_ = true;
    }
}

void IngestMonitor::refresh() {
    rate_->refresh();
    size_->refresh();
    if (gridDirty_) rebuildGrid();
}

void IngestMonitor::rebuildGrid() {
    gridDirty_ = false;
    grid_->clear();
    shown_ = 0;
    for (const jobs::IngestedObject& object : progress_.newest()) {
        const QString key = QString::fromStdString(object.key);
        const QString thumbnail = QString::fromStdString(object.thumbnail);
        QPixmap picture;
        if (fetcher_ && !thumbnail.isEmpty()) {
            if (const auto it = pictures_.constFind(thumbnail); it != pictures_.constEnd())
                picture = *it;
            else
                fetcher_->request(thumbnail); // the grid is rebuilt when it arrives
        } else if (!thumbnailRoot_.isEmpty() && !thumbnail.isEmpty()) {
            // Keys come from the job's output: a key that climbs out of the folder is not read.
            const QString path = QDir::cleanPath(thumbnailRoot_ + QLatin1Char('/') + thumbnail);
            if (path.startsWith(QDir::cleanPath(thumbnailRoot_) + QLatin1Char('/'))) {
                auto it = pictures_.find(path);
                if (it == pictures_.end())
                    it = pictures_.insert(path, thumbnailPixmap(QImage(path), kThumbnail));
                picture = *it;
            }
        }
        auto* item = new QListWidgetItem(QIcon(picture), QFileInfo(key).fileName(), grid_);
        QString where = QString::fromStdString(object.bucket) + QLatin1Char('/') + key;
        if (thumbnailRoot_.isEmpty() && !bucket_.bucket.isEmpty() && !thumbnail.isEmpty()) {
            where += QLatin1Char('\n') + tr("thumbnail: s3://%1/%2").arg(bucket_.bucket, thumbnail);
            if (const auto why = fetchFailures_.value(thumbnail); !why.isEmpty())
                where += QLatin1Char('\n') + tr("not shown: %1").arg(why);
        }
        item->setToolTip(tr("%1\nindex id %2").arg(where).arg(object.index_id));
        if (!picture.isNull()) ++shown_;
    }
}

void IngestMonitor::updateCounters() {
    const auto& c = progress_.counters();
    if (!c) {
        counters_->setText(tr("Waiting for the first objects…"));
        return;
    }
    const QLocale locale;
    counters_->setText(
        tr("<b>%1</b> objects in the index · %2 objects/s · indexed %3, replaced %4, removed %5, "
           "already applied %6 · <span style='color:%9'>dead-lettered %7, malformed events "
           "%8</span>")
            .arg(locale.toString(qulonglong(c->size)), locale.toString(c->objects_per_s, 'f', 1),
                 locale.toString(qulonglong(c->indexed)), locale.toString(qulonglong(c->replaced)),
                 locale.toString(qulonglong(c->removed)), locale.toString(qulonglong(c->skipped)),
                 locale.toString(qulonglong(c->failed)), locale.toString(qulonglong(c->malformed)),
                 // Failures stand out only when there are some.
                 c->failed + c->malformed > 0 ? QStringLiteral("#c62828")
                                              : palette().color(QPalette::WindowText).name()));
}

QString IngestMonitor::countersText() const {
    return counters_->text();
}

int IngestMonitor::thumbnailCount() const {
    return grid_->count();
}

int IngestMonitor::picturesShown() const {
    return shown_;
}

void IngestMonitor::retranslate() {
    rate_->setTitle(tr("Objects per second"));
    rate_->setValueLabel(tr("objects/s"));
    rate_->setMetricLabel(kRate, tr("objects/s"));
    size_->setTitle(tr("Index size"));
    size_->setValueLabel(tr("objects"));
    size_->setMetricLabel(kSize, tr("objects in the index"));
    rate_->setStepLabel(tr("events processed"));
    size_->setStepLabel(tr("events processed"));
    newestTitle_->setText(tr("Newest objects"));
    updateCounters();
}

void IngestMonitor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::experiments
