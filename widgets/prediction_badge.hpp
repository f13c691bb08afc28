#pragma once
#include <QWidget>

class QLabel;

namespace liveml::widgets {

struct Prediction;

// The answer at a glance: the predicted digit in large type and the model's confidence,
// or a short line saying why there is no answer yet.
class PredictionBadge : public QWidget {
    Q_OBJECT
  public:
    enum class State { NoDrawing, NoModel, Answer, Failed };

    explicit PredictionBadge(QWidget* parent = nullptr);

    void showPrediction(const Prediction& prediction);
    void showNoModel(); // the model is still loading or failed to load
    State state() const { return state_; }
    QString digitText() const;
    QString detailText() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void render();

    QLabel* digit_;
    QLabel* detail_;
    State state_ = State::NoDrawing;
    int label_ = -1;
    double confidence_ = 0.0;
    QString error_;
};

} // namespace liveml::widgets
