#pragma once
#include <QObject>
#include <QString>

#include <cstdint>
#include <vector>

#include "digits/digits_dataset.hpp"
#include "loaded_model.hpp"

namespace liveml::widgets {

class PredictionService;

// The learners the Draw page can answer with, one model per slot, and which of them answers
// (handed to the PredictionService). Slots: the canvas preset (answers by default), the SGD
// learner (the built-in scikit-learn-exact model until the stream's `online_ml_model`
// replaces it), the stream's other learners under their own keys, and a model file the user
// opened. GUI thread only; every signal is emitted on it.
class ModelShelf : public QObject {
    Q_OBJECT
  public:
    static inline const QString kCanvas = QStringLiteral("canvas");
    static inline const QString kSgd = QStringLiteral("sgd_classifier");
    static inline const QString kFile = QStringLiteral("file");

    struct Entry {
        QString id;
        LoadedModel model;
    };

    explicit ModelShelf(PredictionService& service, QObject* parent = nullptr);

    // The slot a model belongs in: kCanvas or kSgd for built-in models, kFile for a file, the
    // learner's kind for a stream checkpoint (sgd_classifier for the stream's main model).
    static QString slotFor(const LoadedModel& model);

    // Puts the model into its slot (slotFor). A built-in SGD model never replaces the stream's
    // (the stream's is newer: it started from the same data and kept learning). Selects it
    // when it is the first model, an opened file, or the canvas preset while the user has not
    // chosen a learner; when its slot is the selected one the service gets it at once.
    void put(const LoadedModel& model);
    // The user's choice: makes the slot's model the one that answers from now on; false
    // (nothing changes) for an empty slot.
    bool select(const QString& id);
    QString selected() const { return selected_; }
    const std::vector<Entry>& entries() const { return entries_; }
    const LoadedModel* model(const QString& id) const;

    // A correction of the user's: every local model (built-in and opened, not the stream's,
    // which learn from the stream the correction is also sent to) learns the drawing as
    // digits::learn_correction does with `copies`. Returns how many models learned it.
    int learnCorrection(const digits::Features& drawing, int label, int copies);

    // The slot's name for people (e.g. "Canvas preset (MLP)").
    static QString title(const QString& id);

  signals:
    void entriesChanged();
    void selectionChanged(const QString& id);

  private:
    void replace(const QString& id, const LoadedModel& model);
    bool choose(const QString& id);

    PredictionService& service_;
    std::vector<Entry> entries_; // in the order title() lists them: canvas, sgd, stream, file
    QString selected_;
    bool userChose_ = false;
    std::uint64_t corrections_ = 0; // seeds each correction's variations
};

} // namespace liveml::widgets
