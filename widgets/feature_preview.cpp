#include "feature_preview.hpp"

#include <QEvent>
#include <QPainter>

namespace liveml::widgets {

namespace {
constexpr int kPanelSide = 112; // 8×8 cells of 14 px, or 32×32 of 3.5 px
constexpr int kSpacing = 16;

// Linear blend from the background (level 0) to the ink colour (level max).
QRgb shade(const QColor& background, const QColor& ink, int level, int max) {
    const double t = double(level) / max;
    auto mix = [t](int a, int b) { return int(a + (b - a) * t + 0.5); };
    return qRgb(mix(background.red(), ink.red()), mix(background.green(), ink.green()),
                mix(background.blue(), ink.blue()));
}
} // namespace

FeaturePreview::FeaturePreview(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Model input preview"));
}

void FeaturePreview::setFeatures(const digits::DigitFeatures& features) {
    features_ = features;
    update();
}

void FeaturePreview::clear() {
    setFeatures({});
}

void FeaturePreview::setBitmapVisible(bool visible) {
    showBitmap_ = visible;
    updateGeometry();
    update();
}

QSize FeaturePreview::sizeHint() const {
    const int panels = showBitmap_ ? 2 : 1;
    const int captionHeight = fontMetrics().height() + 6;
    return {panels * kPanelSide + (panels - 1) * kSpacing, kPanelSide + captionHeight};
}

QSize FeaturePreview::minimumSizeHint() const {
    return sizeHint();
}

QImage FeaturePreview::gridImage() const {
    QImage image(8, 8, QImage::Format_RGB32);
    const QColor background = palette().color(QPalette::Base);
    const QColor ink = palette().color(QPalette::Text);
    for (int row = 0; row < 8; ++row)
        for (int col = 0; col < 8; ++col)
            image.setPixel(col, row, shade(background, ink, features_.x[8 * row + col], 16));
    return image;
}

QImage FeaturePreview::bitmapImage() const {
    QImage image(32, 32, QImage::Format_RGB32);
    const QColor background = palette().color(QPalette::Base);
    const QColor ink = palette().color(QPalette::Text);
    for (int row = 0; row < 32; ++row)
        for (int col = 0; col < 32; ++col)
            image.setPixel(col, row, shade(background, ink, features_.bitmap[32 * row + col], 1));
    return image;
}

void FeaturePreview::paintPanel(QPainter& painter, const QRect& area, const QImage& image,
                                const QString& caption) const {
    // No smoothing: each feature must stay one sharp square.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QRect square(area.topLeft(), QSize(kPanelSide, kPanelSide));
    painter.drawImage(square, image);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(square.adjusted(0, 0, -1, -1));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRect(area.left(), square.bottom() + 4, kPanelSide, fontMetrics().height()),
                     Qt::AlignHCenter | Qt::AlignTop, caption);
}

void FeaturePreview::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const int panels = showBitmap_ ? 2 : 1;
    const int totalWidth = panels * kPanelSide + (panels - 1) * kSpacing;
    QRect area((width() - totalWidth) / 2, 0, kPanelSide, height());
    paintPanel(painter, area, gridImage(), tr("8×8 input, 0–16"));
    if (showBitmap_) {
        area.translate(kPanelSide + kSpacing, 0);
        paintPanel(painter, area, bitmapImage(), tr("32×32 bitmap"));
    }
}

void FeaturePreview::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Model input preview"));
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace liveml::widgets
