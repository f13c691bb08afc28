#include "prediction_service.hpp"

#include <QMutexLocker>

namespace liveml::widgets {

PredictionService::PredictionService(QObject* parent) : QObject(parent) {
    qRegisterMetaType<Prediction>();
    pool_.setMaxThreadCount(1);
    // Keep the thread warm between strokes: starting one costs more than a prediction.
    pool_.setExpiryTimeout(-1);
}

PredictionService::~PredictionService() {
    {
        QMutexLocker lock(&mutex_);
        pending_.reset();
    }
    pool_.waitForDone();
}

void PredictionService::setModel(const LoadedModel& model) {
    {
        QMutexLocker lock(&mutex_);
        model_ = std::make_shared<const LoadedModel>(model);
        if (!last_.isNull() && !pending_) {
            pending_ = last_;
            scheduleLocked();
        }
    }
    emit modelChanged();
}

std::shared_ptr<const LoadedModel> PredictionService::model() const {
    QMutexLocker lock(&mutex_);
    return model_;
}

bool PredictionService::isIdle() const {
    QMutexLocker lock(&mutex_);
    return !working_ && !pending_ && delivered_.load() == processed_.load();
}

void PredictionService::submit(const QImage& image) {
    QMutexLocker lock(&mutex_);
    pending_ = image; // replaces any image still waiting: latest wins
    last_ = image;
    ++submitted_;
    scheduleLocked();
}

void PredictionService::scheduleLocked() {
    if (working_) return; // the running worker picks the pending image up
    working_ = true;
    pool_.start([this] { work(); });
}

void PredictionService::work() {
    for (;;) {
        QImage image;
        std::shared_ptr<const LoadedModel> model;
        quint64 sequence = 0;
        {
            QMutexLocker lock(&mutex_);
            if (!pending_) {
                working_ = false;
                return;
            }
            image = std::move(*pending_);
            pending_.reset();
            model = model_;
            sequence = submitted_;
        }
        Prediction prediction = predictDrawing(image, model ? model->classifier.get() : nullptr);
        prediction.sequence = sequence;
        ++processed_;
        // Queued to this object's thread; dropped by Qt if the service is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, prediction] {
                ++delivered_;
                emit predictionReady(prediction);
            },
            Qt::QueuedConnection);
    }
}

} // namespace liveml::widgets
