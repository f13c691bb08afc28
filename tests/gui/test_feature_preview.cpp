#include <QTest>

#include "feature_preview.hpp"

using liveml::widgets::FeaturePreview;

namespace {
// Gray value at the centre of 8×8 cell (row, col) of a grabbed preview whose panel is
// 112 px square and horizontally centred.
int cellGray(const QImage& image, int panelLeft, int row, int col) {
    const int cell = 112 / 8;
    return qGray(image.pixel(panelLeft + col * cell + cell / 2, row * cell + cell / 2));
}
} // namespace

class TestFeaturePreview : public QObject {
    Q_OBJECT
  private slots:
    void showsLevelsAsCrispGraySquares() {
        FeaturePreview preview;
        preview.resize(preview.sizeHint());
        liveml::digits::DigitFeatures features;
        features.empty = false;
        for (int j = 0; j < 64; ++j)
            features.x[j] = static_cast<std::uint8_t>(j % 17);
        preview.setFeatures(features);
        const QImage image = preview.grab().toImage();
        const int left = (preview.width() - 112) / 2;

        // More ink, more contrast against the background: level 16 differs most from 0.
        const int background = cellGray(image, left, 0, 0); // level 0
        const int full = cellGray(image, left, 2, 0);       // j = 16
        const int half = cellGray(image, left, 1, 0);       // j = 8
        QVERIFY(qAbs(full - background) > 150);
        QVERIFY(qAbs(half - background) > 40 && qAbs(half - background) < qAbs(full - background));

        // Crisp: the whole interior of a cell has one colour.
        const QRgb centre = image.pixel(left + 14 * 3 + 7, 14 * 2 + 7);
        for (int dy = -5; dy <= 5; ++dy)
            for (int dx = -5; dx <= 5; ++dx)
                QCOMPARE(image.pixel(left + 14 * 3 + 7 + dx, 14 * 2 + 7 + dy), centre);
    }

    void bitmapPanelIsOptional() {
        FeaturePreview preview;
        const int single = preview.sizeHint().width();
        preview.setBitmapVisible(true);
        QVERIFY(preview.isBitmapVisible());
        QVERIFY(preview.sizeHint().width() > single);
    }

    void clearShowsNothing() {
        FeaturePreview preview;
        liveml::digits::DigitFeatures features;
        features.x.fill(16);
        features.empty = false;
        preview.setFeatures(features);
        preview.clear();
        QVERIFY(preview.features().empty);
        for (auto v : preview.features().x)
            QCOMPARE(int(v), 0);
    }
};

QTEST_MAIN(TestFeaturePreview)
#include "test_feature_preview.moc"
