#pragma once
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
    static QString learnerText(const online::SgdClassifier& model);

    QString
    fieldText(int row) const; // for tests: 0 source, 1 samples, 2 learner, 3 classes, 4 loaded

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
};

} // namespace liveml::widgets
