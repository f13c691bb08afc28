#pragma once
#include <QWidget>

#include <array>

class QCustomPlot;
class QCPBars;
class QMouseEvent;

namespace liveml::dashboard {

// Bars of how many training records carried each label 0..9; hovering a bar shows its count
// and share.
class LabelDistributionChart : public QWidget {
    Q_OBJECT
  public:
    explicit LabelDistributionChart(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    // Counts must be finite and ≥ 0 (the feed validated them).
    void setCounts(const std::array<double, 10>& counts);
    const std::array<double, 10>& counts() const noexcept { return counts_; }
    // The hover read-out for a label, e.g. "label 3: 120 (10.2 %)".
    QString readout(int label) const;

    QSize sizeHint() const override { return {420, 260}; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void onMouseMove(QMouseEvent* event);
    void retranslate();

    QCustomPlot* plot_;
    QCPBars* bars_;
    std::array<double, 10> counts_{};
};

} // namespace liveml::dashboard
