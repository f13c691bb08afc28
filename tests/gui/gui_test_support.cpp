#include "gui_test_support.hpp"

#include <QDir>
#include <QFile>
#include <QTest>

#include "digits/default_model.hpp"
#include "digits/digits_dataset.hpp"
#include "drawing_canvas.hpp"

namespace liveml::guitest {

void drawWithMouse(widgets::DrawingCanvas& canvas, const widgets::Drawing& drawing) {
    const qreal side = qMin(canvas.width(), canvas.height());
    const QPointF origin((canvas.width() - side) / 2.0, (canvas.height() - side) / 2.0);
    auto toWidget = [&](const widgets::StrokePoint& p) {
        return (origin + p.pos * side).toPoint();
    };
    for (const widgets::Stroke& stroke : drawing) {
        QTest::mousePress(&canvas, Qt::LeftButton, {}, toWidget(stroke.front()));
        for (const widgets::StrokePoint& point : stroke)
            QTest::mouseMove(&canvas, toWidget(point));
        QTest::mouseRelease(&canvas, Qt::LeftButton, {}, toWidget(stroke.back()));
    }
}

int pixelsUnlikeTheCorner(const QImage& image) {
    if (image.isNull()) return 0;
    const QRgb corner = image.pixel(0, 0);
    int unlike = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            unlike += image.pixel(x, y) != corner;
    return unlike;
}

bool hasInk(const QImage& image) {
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar* line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            if (line[x] < 250) return true;
    }
    return false;
}

const widgets::LoadedModel& defaultModel() {
    static const widgets::LoadedModel model = [] {
        widgets::LoadedModel m;
        m.classifier = std::make_shared<const online::SgdClassifier>(
            digits::train_default_model(digits::load_digits_csv(digits::bundled_digits_path())));
        m.origin = widgets::ModelOrigin::TrainedDefault;
        m.builtIn = widgets::BuiltInModel::DigitsSgd;
        m.loadedAt = QDateTime::currentDateTime();
        return m;
    }();
    return model;
}

QString writeCorruptModel(const QString& dir) {
    const QString path = QDir(dir).filePath(QStringLiteral("corrupt.livemlm"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write("LIVEMLM\0garbage that is no model at all", 40);
    return path;
}

} // namespace liveml::guitest
