#pragma once
#include <QWidget>

#include <optional>

#include "digits/digits_dataset.hpp"

class QLabel;
class QPushButton;
class QSpinBox;

namespace liveml::widgets {
struct Prediction;
}

namespace liveml::streamui {

// Under the canvas's answer: "Correct" confirms the model's digit, 0–9 names the right one.
// Either sends the drawing's 64 features with that label (feedbackGiven) to be trained on,
// as `copies` records: the drawing and copies - 1 variations of it (see FeedbackProducer).
// Disabled until there is a prediction of a drawing and a stream to send it to.
class FeedbackBar : public QWidget {
    Q_OBJECT
  public:
    explicit FeedbackBar(QWidget* parent = nullptr);

    void showPrediction(const widgets::Prediction& prediction);
    // Whether a stream takes feedback (connected or local mode); with a reason when not.
    void setAvailable(bool available, const QString& reason = {});
    void showOutcome(const QString& text);

    QPushButton* confirmButton() const { return confirm_; }
    QPushButton* labelButton(int digit) const { return digits_[digit]; }
    QSpinBox* copiesBox() const { return copies_; }

    // Measured with the demo producer at its default 200 records/s (docs/studio-stream.md).
    static constexpr int kDefaultCopies = 32;

  signals:
    void feedbackGiven(const liveml::digits::Features& features, int label, int copies);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void give(int label);
    void updateEnabled();
    void retranslate();

    QLabel* title_;
    QPushButton* confirm_;
    QPushButton* digits_[10];
    QLabel* copiesLabel_;
    QSpinBox* copies_;
    QLabel* outcome_;
    std::optional<digits::Features> features_;
    int predicted_ = -1;
    bool available_ = false;
    QString unavailableReason_;
};

} // namespace liveml::streamui
