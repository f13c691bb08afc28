#pragma once
#include <QWidget>

#include "digits/feature_extractor.hpp"

namespace liveml::widgets {

// Shows exactly what the model is given: the 8×8 grid of 0..16 ink counts as crisp gray
// squares, and optionally the 32×32 binary bitmap the counts were taken from.
class FeaturePreview : public QWidget {
    Q_OBJECT
  public:
    explicit FeaturePreview(QWidget* parent = nullptr);

    void setFeatures(const digits::DigitFeatures& features);
    void clear();
    const digits::DigitFeatures& features() const { return features_; }

    void setBitmapVisible(bool visible);
    bool isBitmapVisible() const { return showBitmap_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    void paintPanel(QPainter& painter, const QRect& area, const QImage& image,
                    const QString& caption) const;
    QImage gridImage() const;
    QImage bitmapImage() const;

    digits::DigitFeatures features_;
    bool showBitmap_ = false;
};

} // namespace liveml::widgets
