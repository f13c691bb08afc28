#pragma once
#include <QImage>
#include <QPixmap>
#include <QWidget>

#include "stroke.hpp"
#include "stroke_history.hpp"
#include "stroke_rasterizer.hpp"

namespace liveml::widgets {

// A square drawing surface for one handwritten digit. Takes mouse, pen (with pressure) and
// touch input; publishes the grayscale image the model reads on every change, including
// each new point of a stroke in progress, so predictions follow the pen.
class DrawingCanvas : public QWidget {
    Q_OBJECT
  public:
    // Side of the published grayscale image. Fixed so that the model sees the same
    // picture whatever the window size or screen density.
    static constexpr int kImageSide = 256;

    explicit DrawingCanvas(QWidget* parent = nullptr);

    // Committed strokes plus the one being drawn, as published by imageChanged().
    QImage grayImage() const;
    Drawing drawing() const;
    bool isEmpty() const;
    bool canUndo() const { return history_.canUndo(); }
    bool canRedo() const { return history_.canRedo(); }

    // Adds a finished stroke as if it had been drawn (scripted demos, tests).
    void addStroke(const Stroke& stroke);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

  public slots:
    void clear();
    void undo();
    void redo();

  signals:
    void imageChanged(const QImage& image);
    void historyChanged();

  protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    bool handleTouch(QEvent* event);
    void beginStroke(QPointF widgetPos, qreal pressure);
    void extendStroke(QPointF widgetPos, qreal pressure);
    void endStroke();
    void cancelStroke();
    void historyUpdated();
    QRectF drawingArea() const;
    QPointF toUnit(QPointF widgetPos) const;
    void rebuildCommitted();
    void publish();

    StrokeHistory history_;
    Stroke active_;
    bool stroking_ = false;
    QPixmap committed_; // committed strokes at device resolution; the active one is live
    StrokeRasterizer rasterizer_{kImageSide}; // the published image, updated per point
};

} // namespace liveml::widgets
