#include "drawing_canvas.hpp"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTabletEvent>
#include <QTouchEvent>

#include <algorithm>
#include <utility>

#include "stroke_painter.hpp"

namespace liveml::widgets {

namespace {
constexpr int kMinimumSide = 220;
constexpr qreal kCornerRadius = 10.0;
// Points closer than this (in unit coordinates) add nothing visible but cost a repaint.
constexpr qreal kMinPointDistance = 0.002;

QColor inkColor(const QPalette& palette) {
    return palette.color(QPalette::Text);
}
} // namespace

DrawingCanvas::DrawingCanvas(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_AcceptTouchEvents);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Drawing canvas"));
}

QSize DrawingCanvas::sizeHint() const {
    return {440, 440};
}
QSize DrawingCanvas::minimumSizeHint() const {
    return {kMinimumSide, kMinimumSide};
}

Drawing DrawingCanvas::drawing() const {
    Drawing all = history_.current();
    if (!active_.isEmpty()) all.append(active_);
    return all;
}

bool DrawingCanvas::isEmpty() const {
    return history_.current().isEmpty() && active_.isEmpty();
}

QImage DrawingCanvas::grayImage() const {
    return rasterizer_.image();
}

void DrawingCanvas::addStroke(const Stroke& stroke) {
    history_.addStroke(stroke);
    historyUpdated();
}

void DrawingCanvas::clear() {
    cancelStroke();
    history_.clear();
    historyUpdated();
}

void DrawingCanvas::undo() {
    cancelStroke();
    if (history_.undo()) historyUpdated();
}

void DrawingCanvas::redo() {
    cancelStroke();
    if (history_.redo()) historyUpdated();
}

void DrawingCanvas::historyUpdated() {
    rasterizer_.reset(history_.current());
    rebuildCommitted();
    update();
    publish();
    emit historyChanged();
}

QRectF DrawingCanvas::drawingArea() const {
    // The drawing lives in the largest centred square, so its proportions never change.
    const qreal side = qMin(width(), height());
    return {(width() - side) / 2.0, (height() - side) / 2.0, side, side};
}

QPointF DrawingCanvas::toUnit(QPointF widgetPos) const {
    const QRectF area = drawingArea();
    if (area.width() <= 0) return {};
    const QPointF p = (widgetPos - area.topLeft()) / area.width();
    return {std::clamp(p.x(), 0.0, 1.0), std::clamp(p.y(), 0.0, 1.0)};
}

void DrawingCanvas::beginStroke(QPointF widgetPos, qreal pressure) {
    setFocus(Qt::MouseFocusReason);
    cancelStroke(); // a press without a release before it (lost grab) starts afresh
    stroking_ = true;
    active_ = {StrokePoint{toUnit(widgetPos), pressure}};
    rasterizer_.addPoint(active_.back());
    update();
    publish();
}

void DrawingCanvas::extendStroke(QPointF widgetPos, qreal pressure) {
    if (!stroking_) return;
    const QPointF unit = toUnit(widgetPos);
    const QPointF delta = unit - active_.back().pos;
    if (QPointF::dotProduct(delta, delta) < kMinPointDistance * kMinPointDistance) return;
    active_.append(StrokePoint{unit, pressure});
    rasterizer_.addPoint(active_.back());
    update();
    publish();
}

void DrawingCanvas::endStroke() {
    if (!stroking_) return;
    stroking_ = false;
    const Stroke finished = std::exchange(active_, {});
    history_.addStroke(finished);
    historyUpdated();
}

void DrawingCanvas::cancelStroke() {
    stroking_ = false;
    active_.clear();
    rasterizer_.cancelStroke();
}

void DrawingCanvas::publish() {
    emit imageChanged(grayImage());
}

void DrawingCanvas::rebuildCommitted() {
    const qreal dpr = devicePixelRatioF();
    const QRectF area = drawingArea();
    committed_ = QPixmap((area.size() * dpr).toSize());
    if (committed_.isNull()) return; // not laid out yet
    committed_.setDevicePixelRatio(dpr);
    committed_.fill(Qt::transparent);
    QPainter painter(&committed_);
    painter.setRenderHint(QPainter::Antialiasing);
    paintDrawing(painter, history_.current(), area.width(), inkColor(palette()));
}

void DrawingCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = drawingArea();

    painter.setPen(QPen(palette().color(QPalette::Mid), 1.0));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(area.adjusted(0.5, 0.5, -0.5, -0.5), kCornerRadius, kCornerRadius);

    if (isEmpty()) {
        QFont hintFont = font();
        hintFont.setPointSizeF(hintFont.pointSizeF() * 1.3);
        painter.setFont(hintFont);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Draw a digit here\nEsc clears · Ctrl+Z undoes"));
        return;
    }
    painter.drawPixmap(area.topLeft(), committed_);
    painter.translate(area.topLeft());
    paintStroke(painter, active_, area.width(), inkColor(palette()));
}

void DrawingCanvas::resizeEvent(QResizeEvent*) {
    rebuildCommitted();
}

void DrawingCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    beginStroke(event->position(), 1.0);
}

void DrawingCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton)) return QWidget::mouseMoveEvent(event);
    extendStroke(event->position(), 1.0);
}

void DrawingCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
    extendStroke(event->position(), 1.0);
    endStroke();
}

void DrawingCanvas::tabletEvent(QTabletEvent* event) {
    // Accepting stops Qt from synthesising mouse events, which would carry no pressure.
    switch (event->type()) {
    case QEvent::TabletPress:
        beginStroke(event->position(), event->pressure());
        break;
    case QEvent::TabletMove:
        extendStroke(event->position(), event->pressure());
        break;
    case QEvent::TabletRelease:
        endStroke();
        break;
    default:
        return QWidget::tabletEvent(event);
    }
    event->accept();
}

bool DrawingCanvas::handleTouch(QEvent* event) {
    auto* touch = static_cast<QTouchEvent*>(event);
    if (touch->points().isEmpty()) return true;
    // One finger draws; further fingers are ignored rather than drawing stray lines.
    const QEventPoint& point = touch->points().front();
    // From the global position: a touch forwarded between widgets may carry a stale local one.
    const QPointF pos = mapFromGlobal(point.globalPosition());
    switch (event->type()) {
    case QEvent::TouchBegin:
        beginStroke(pos, 1.0);
        break;
    case QEvent::TouchUpdate:
        extendStroke(pos, 1.0);
        break;
    case QEvent::TouchEnd:
        endStroke();
        break;
    default: // TouchCancel: the system took the gesture over
        cancelStroke();
        update();
        publish();
        break;
    }
    event->accept();
    return true;
}

bool DrawingCanvas::event(QEvent* event) {
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TouchCancel:
        return handleTouch(event);
    default:
        return QWidget::event(event);
    }
}

void DrawingCanvas::keyPressEvent(QKeyEvent* event) {
    const QKeyCombination combo = event->keyCombination();
    if (event->key() == Qt::Key_Escape) {
        clear();
    } else if (event->matches(QKeySequence::Undo)) {
        undo();
    } else if (event->matches(QKeySequence::Redo) ||
               combo == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z) ||
               combo == QKeyCombination(Qt::ControlModifier, Qt::Key_Y)) {
        redo();
    } else {
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

void DrawingCanvas::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) rebuildCommitted();
    if (event->type() == QEvent::LanguageChange) setAccessibleName(tr("Drawing canvas"));
    QWidget::changeEvent(event);
}

} // namespace liveml::widgets
