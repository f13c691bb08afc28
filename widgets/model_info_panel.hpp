#pragma once
#include <QTimer>
#include <QWidget>

#include <memory>

#include "loaded_model.hpp"

class QLabel;

namespace liveml::widgets {

// Which model is answering: where it came from, how many samples it has seen, its learner
// settings and when it was loaded. Untitled: the page it sits on names the section.
class ModelInfoPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ModelInfoPanel(QWidget* parent = nullptr);

    void setModel(const LoadedModel& model);
    void showLoading(); // the default model is being prepared
    void showFailure(const QString& reason);

    // One line naming the model's origin, shared with the status bar.
    static QString sourceText(const LoadedModel& model);
    static QString learnerText(const online::OnlineClassifier& model);
    // For a model from the stream, "version N, S s old" with the age counted from the
    // checkpoint (from loading when its time is unknown); empty for other models. The one
    // wording the canvas and the Stream page share, so they never disagree.
    static QString streamAgeText(const LoadedModel& model, const QDateTime& now);
    // Milliseconds until that age next grows by a second. Views that show it re-render then
    // (not on a free-running 1-s timer), so two of them never show different ages.
    static int msUntilAgeChanges(const LoadedModel& model, const QDateTime& now);

    // For tests: 0 source, 1 samples, 2 learner, 3 classes, 4 loaded (a stream model: its
    // version and age).
    QString fieldText(int row) const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    enum class State { Loading, Ready, Failed };
    void render();

    QList<QLabel*> captions_;
    QList<QLabel*> values_;
    State state_ = State::Loading;
    std::shared_ptr<const LoadedModel> model_;
    QString failure_;
    QTimer ageTimer_; // while a stream model is shown: fires when its age changes
};

} // namespace liveml::widgets
