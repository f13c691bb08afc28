#pragma once
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace liveml::experiments {

// Horizontal bars of fractions in [0, 1], one per named class (zero-shot probabilities,
// per-class recall), first name on top, the largest value in the accent colour and each bar
// labelled with its value. Colours follow the palette (light and dark themes).
class NamedBarChart : public QWidget {
    Q_OBJECT
  public:
    explicit NamedBarChart(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setValueLabel(const QString& label);
    // names and values have equal length.
    void setValues(const QStringList& names, const QVector<double>& values);
    const QStringList& names() const { return names_; }
    const QVector<double>& values() const { return values_; }
    QSize sizeHint() const override {
        return {360, 60 + 22 * int(std::max<qsizetype>(names_.size(), 4))};
    }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void redraw();

    QCustomPlot* plot_;
    QCPBars* bars_;
    QCPBars* best_;
    QStringList names_;
    QVector<double> values_;
};

} // namespace liveml::experiments
