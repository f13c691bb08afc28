#pragma once
#include <QList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPItemText;

namespace liveml::widgets {

// Bar chart of the class probabilities on a fixed 0..1 axis (bars from different strokes
// stay comparable); the most probable class is drawn in the accent colour and labelled.
class ProbabilityChart : public QWidget {
    Q_OBJECT
  public:
    explicit ProbabilityChart(QWidget* parent = nullptr);

    // classes and probabilities have equal length; probabilities are shown as given.
    void setProbabilities(const std::vector<int>& classes,
                          const std::vector<double>& probabilities);
    void clear();

    // The value each class's bar shows (classes() order; all 0 when cleared).
    QList<double> values() const;
    const std::vector<int>& classes() const { return classes_; }
    int highlightedClass() const { return highlighted_; }

    QSize sizeHint() const override { return {360, 220}; }
    QSize minimumSizeHint() const override { return {240, 150}; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void setClasses(const std::vector<int>& classes);
    void applyPalette();
    void retranslate();

    QCustomPlot* plot_;
    QCPBars* bars_;
    QCPBars* winner_;
    QCPItemText* winnerLabel_;
    std::vector<int> classes_;
    QList<double> values_;
    int highlighted_ = -1;
};

} // namespace liveml::widgets
