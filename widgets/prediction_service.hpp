#pragma once
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

#include "loaded_model.hpp"
#include "prediction.hpp"

namespace liveml::widgets {

// Runs feature extraction and predict_proba off the GUI thread. Submissions coalesce:
// only the newest waiting image is kept, so a fast stroke never builds a queue of stale
// work and the shown prediction always catches up with the pen.
class PredictionService : public QObject {
    Q_OBJECT
  public:
    explicit PredictionService(QObject* parent = nullptr);
    ~PredictionService() override;

    // Replaces the answering model atomically (the worker finishes its current image with
    // the old one) and re-predicts the last submitted image with the new one.
    void setModel(const LoadedModel& model);
    std::shared_ptr<const LoadedModel> model() const;

    // True when no image is waiting or being processed and every result has been delivered.
    bool isIdle() const;
    // How many images were actually processed (≤ submissions, thanks to coalescing).
    quint64 processedCount() const { return processed_.load(); }

  public slots:
    void submit(const QImage& image);

  signals:
    // Delivered on the service's thread, in submission order, newest last.
    void predictionReady(const liveml::widgets::Prediction& prediction);
    void modelChanged();

  private:
    void scheduleLocked();
    void work();

    mutable QMutex mutex_;
    std::shared_ptr<const LoadedModel> model_;
    std::optional<QImage> pending_;
    QImage last_;
    quint64 submitted_ = 0;
    bool working_ = false;
    std::atomic<quint64> processed_{0};
    std::atomic<quint64> delivered_{0}; // results whose predictionReady has been emitted
    QThreadPool pool_;                  // one worker: results stay ordered
};

} // namespace liveml::widgets
