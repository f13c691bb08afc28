#pragma once
#include <QWidget>

#include <array>
#include <cstdint>

class QCustomPlot;
class QCPColorMap;
class QMouseEvent;

namespace liveml::dashboard {

// 10×10 heat map of actual (rows) against predicted (columns) labels, as counts or as rates
// normalised per row (each row's share, so rare labels are as readable as common ones).
// Hovering a cell shows its count and rate.
class ConfusionMatrixChart : public QWidget {
    Q_OBJECT
  public:
    using Matrix = std::array<std::array<std::uint64_t, 10>, 10>; // [actual][predicted]

    explicit ConfusionMatrixChart(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setCounts(const Matrix& counts);
    void setRowNormalized(bool on);
    bool rowNormalized() const noexcept { return normalized_; }

    // What the cell shows now (count or rate).
    double cellValue(int actual, int predicted) const;
    double rowRate(int actual, int predicted) const;
    QString readout(int actual, int predicted) const;
    QCPColorMap* colorMap() const noexcept { return map_; }

    QSize sizeHint() const override { return {420, 320}; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void redraw();
    void onMouseMove(QMouseEvent* event);
    void retranslate();

    QCustomPlot* plot_;
    QCPColorMap* map_;
    Matrix counts_{};
    bool normalized_ = true;
};

} // namespace liveml::dashboard
