#include <QApplication>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QTabletEvent>
#include <QTest>

#include "demo_digits.hpp"
#include "drawing_canvas.hpp"
#include "gui_test_support.hpp"
#include "stroke_painter.hpp"

using liveml::guitest::drawWithMouse;
using liveml::guitest::hasInk;
using liveml::widgets::DrawingCanvas;

class TestDrawingCanvas : public QObject {
    Q_OBJECT
  private slots:
    void init() {
        canvas_ = std::make_unique<DrawingCanvas>();
        canvas_->resize(400, 400);
        canvas_->show();
        QVERIFY(QTest::qWaitForWindowExposed(canvas_.get()));
    }
    void cleanup() { canvas_.reset(); }

    void publishesImagesDuringTheStroke() {
        QSignalSpy spy(canvas_.get(), &DrawingCanvas::imageChanged);
        QTest::mousePress(canvas_.get(), Qt::LeftButton, {}, {100, 100});
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(canvas_.get(), {100 + 15 * i, 100 + 10 * i});
        const qsizetype duringStroke = spy.count();
        QVERIFY2(duringStroke >= 10, "every new point should publish an image before release");
        QTest::mouseRelease(canvas_.get(), Qt::LeftButton, {}, {250, 200});
        const QImage last = spy.last().at(0).value<QImage>();
        QCOMPARE(last.size(), QSize(DrawingCanvas::kImageSide, DrawingCanvas::kImageSide));
        QVERIFY(hasInk(last));
        QCOMPARE(canvas_->drawing().size(), 1);
    }

    void imageDuringAStrokeEqualsAFullRender() {
        // The canvas updates its image incrementally; it must be the very picture a full
        // render of the same strokes gives, point after point and after release.
        drawWithMouse(*canvas_, liveml::widgets::demoDigit(4));
        QTest::mousePress(canvas_.get(), Qt::LeftButton, {}, {40, 60});
        for (int i = 1; i < 40; ++i) {
            QTest::mouseMove(canvas_.get(), {40 + 7 * i, 60 + (i * i) % 90});
            QCOMPARE(canvas_->grayImage(), liveml::widgets::renderGrayImage(
                                               canvas_->drawing(), DrawingCanvas::kImageSide));
        }
        QTest::mouseRelease(canvas_.get(), Qt::LeftButton, {}, {320, 100});
        QCOMPARE(canvas_->grayImage(),
                 liveml::widgets::renderGrayImage(canvas_->drawing(), DrawingCanvas::kImageSide));
    }

    void touchDrawsWithOneFinger() {
        QPointingDevice touchscreen(
            QStringLiteral("test touchscreen"), 43, QInputDevice::DeviceType::TouchScreen,
            QPointingDevice::PointerType::Finger, QInputDevice::Capability::Position, 10, 0);
        auto send = [&](QEvent::Type type, QEventPoint::State state, QPointF pos) {
            QTouchEvent event(type, &touchscreen, Qt::NoModifier,
                              {QEventPoint(0, state, pos, canvas_->mapToGlobal(pos))});
            QApplication::sendEvent(canvas_.get(), &event);
            QVERIFY(event.isAccepted());
        };
        send(QEvent::TouchBegin, QEventPoint::State::Pressed, {100, 100});
        send(QEvent::TouchUpdate, QEventPoint::State::Updated, {150, 180});
        send(QEvent::TouchUpdate, QEventPoint::State::Updated, {200, 260});
        send(QEvent::TouchEnd, QEventPoint::State::Released, {200, 260});
        QCOMPARE(canvas_->drawing().size(), 1);
        QVERIFY(canvas_->drawing().front().size() >= 3);
        QVERIFY(hasInk(canvas_->grayImage()));
    }

    void penPressureSetsTheStrokeWidth() {
        // The same line drawn lightly leaves less ink than drawn firmly.
        auto inkDrawnWith = [this](qreal pressure) {
            canvas_->clear();
            QPointingDevice pen(
                QStringLiteral("test pen"), 42, QInputDevice::DeviceType::Stylus,
                QPointingDevice::PointerType::Pen,
                QInputDevice::Capability::Position | QInputDevice::Capability::Pressure, 1, 3);
            auto send = [&](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
                QTabletEvent event(type, &pen, pos, canvas_->mapToGlobal(pos), pressure, 0, 0, 0, 0,
                                   0, Qt::NoModifier, Qt::LeftButton, buttons);
                QApplication::sendEvent(canvas_.get(), &event);
                QVERIFY(event.isAccepted());
            };
            send(QEvent::TabletPress, {80, 200}, Qt::LeftButton);
            for (int x = 90; x <= 320; x += 10)
                send(QEvent::TabletMove, {qreal(x), 200}, Qt::LeftButton);
            send(QEvent::TabletRelease, {320, 200}, Qt::NoButton);
            if (canvas_->drawing().size() != 1 ||
                canvas_->drawing().front().front().pressure != pressure)
                return -1;
            const QImage image = canvas_->grayImage();
            int ink = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    ink += 255 - qGray(image.pixel(x, y));
            return ink;
        };
        const int light = inkDrawnWith(0.1);
        const int firm = inkDrawnWith(1.0);
        QVERIFY(light > 0);
        QVERIFY2(firm > 1.5 * light,
                 qPrintable(QStringLiteral("light %1, firm %2").arg(light).arg(firm)));
    }

    void escapeClears() {
        drawWithMouse(*canvas_, liveml::widgets::demoDigit(7));
        QVERIFY(!canvas_->isEmpty());
        QSignalSpy spy(canvas_.get(), &DrawingCanvas::imageChanged);
        QTest::keyClick(canvas_.get(), Qt::Key_Escape);
        QVERIFY(canvas_->isEmpty());
        QCOMPARE(spy.count(), 1);
        QVERIFY(!hasInk(spy.last().at(0).value<QImage>()));
    }

    void undoAndRedoStrokes() {
        drawWithMouse(*canvas_, liveml::widgets::demoDigit(4)); // two strokes
        QCOMPARE(canvas_->drawing().size(), 2);
        const QImage both = canvas_->grayImage();

        QTest::keyClick(canvas_.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(canvas_->drawing().size(), 1);
        QVERIFY(canvas_->grayImage() != both);

        QTest::keyClick(canvas_.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(canvas_->drawing().size(), 2);
        QCOMPARE(canvas_->grayImage(), both);

        QTest::keyClick(canvas_.get(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(canvas_.get(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(canvas_->grayImage(), both);
    }

    void undoRestoresAClearedDrawing() {
        drawWithMouse(*canvas_, liveml::widgets::demoDigit(3));
        const QImage before = canvas_->grayImage();
        QVERIFY(hasInk(before)); // else the comparison below passes for two blank images
        canvas_->clear();
        QVERIFY(canvas_->isEmpty());
        canvas_->undo();
        QCOMPARE(canvas_->grayImage(), before);
        QVERIFY(canvas_->canRedo());
    }

    void aNewStrokeDropsTheRedoHistory() {
        drawWithMouse(*canvas_, liveml::widgets::demoDigit(1));
        canvas_->undo();
        QVERIFY(canvas_->canRedo());
        drawWithMouse(*canvas_, liveml::widgets::demoDigit(7));
        QVERIFY(!canvas_->canRedo());
    }

    void imageDoesNotDependOnWidgetSize() {
        drawWithMouse(*canvas_, liveml::widgets::demoDigit(2));
        const liveml::widgets::Drawing drawn = canvas_->drawing();
        DrawingCanvas big;
        big.resize(900, 900);
        for (const auto& stroke : drawn)
            big.addStroke(stroke);
        QCOMPARE(big.grayImage(), canvas_->grayImage());
    }

    void strokesStayInsideTheCanvas() {
        QTest::mousePress(canvas_.get(), Qt::LeftButton, {}, {200, 200});
        QTest::mouseMove(canvas_.get(), {5000, -300}); // dragged far outside the widget
        QTest::mouseRelease(canvas_.get(), Qt::LeftButton, {}, {5000, -300});
        const liveml::widgets::Drawing drawn = canvas_->drawing();
        for (const auto& point : drawn.front()) {
            QVERIFY(point.pos.x() >= 0.0 && point.pos.x() <= 1.0);
            QVERIFY(point.pos.y() >= 0.0 && point.pos.y() <= 1.0);
        }
    }

  private:
    std::unique_ptr<DrawingCanvas> canvas_;
};

QTEST_MAIN(TestDrawingCanvas)
#include "test_drawing_canvas.moc"
