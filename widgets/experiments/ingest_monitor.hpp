#pragma once
#include <QHash>
#include <QPixmap>
#include <QString>
#include <QWidget>

#include <memory>

#include "experiments/s3_thumbnails.hpp"
#include "jobs/ingest_progress.hpp"

class QLabel;
class QListWidget;

namespace liveml::dashboard {
class LiveChart;
} // namespace liveml::dashboard
namespace liveml::series {
class SeriesStore;
} // namespace liveml::series

namespace liveml::experiments {

// What the live view shows of an ingest run (`liveml clip ingest`): objects per second and
// the index's size over the events processed, the counters (indexed, replaced, removed,
// dead-lettered, malformed) and the newest objects indexed with their thumbnails. Fed the
// run's events as they arrive; draws only when its owner's frame clock calls refresh().
// GUI thread only.
class IngestMonitor : public QWidget {
    Q_OBJECT
  public:
    explicit IngestMonitor(QWidget* parent = nullptr);
    ~IngestMonitor() override;

    // Starts over for a run whose thumbnails are files under `thumbnailRoot`, or (root empty)
    // objects of an output bucket, fetched off the GUI thread; with neither, the grid names
    // the objects without pictures.
    void reset(const QString& thumbnailRoot, const S3ThumbnailSource& bucket);
    // `arrivedMs`: when the studio read the event (the charts' time axis).
    void push(const jobs::JobEvent& event, qint64 arrivedMs);
    void refresh();

    QString countersText() const;
    int thumbnailCount() const; // objects in the grid
    int picturesShown() const;  // of those, with a thumbnail read (from disk or the bucket)
    int ratePoints() const { return ratePoints_; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void rebuildGrid();
    void updateCounters();
    void retranslate();

    std::unique_ptr<series::SeriesStore> store_;
    dashboard::LiveChart* rate_;
    dashboard::LiveChart* size_;
    QLabel* counters_;
    QLabel* newestTitle_;
    QListWidget* grid_;
    jobs::IngestProgress progress_;
    QString thumbnailRoot_;
    S3ThumbnailSource bucket_;
    std::unique_ptr<S3Thumbnails> fetcher_; // with a bucket
    QHash<QString, QPixmap> pictures_;      // thumbnail path or bucket key → picture, read once
    QHash<QString, QString> fetchFailures_; // bucket key → why it has no picture
    int ratePoints_ = 0;
    int shown_ = 0;
    bool gridDirty_ = false;
};

} // namespace liveml::experiments
