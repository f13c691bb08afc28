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
// Either gives the drawing's 64 features with that label (feedbackGiven) to be trained on,
// as `copies` samples: the drawing and copies - 1 variations of it (the Draw page's learners
// learn them at once, a connected stream gets them as records: FeedbackProducer).
// Disabled until there is a prediction of a drawing.
class FeedbackBar : public QWidget {
    Q_OBJECT
  public:
    explicit FeedbackBar(QWidget* parent = nullptr);

    void showPrediction(const widgets::Prediction& prediction);
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
};

} // namespace liveml::streamui
