// The ingest monitor's grid for a run that read a bucket: thumbnails fetched from the output
// bucket of a real S3 server (S3Proxy), off the GUI thread; a missing one says why.
#include "experiments/ingest_monitor.hpp"
#include "jobs/job_event.hpp"
#include "s3_test_server.hpp"

#include <QBuffer>
#include <QImage>
#include <QListWidget>
#include <QTest>

#include <string>

using namespace liveml;
using namespace liveml::experiments;

namespace {

jobs::JobEvent indexed(const std::string& key, int id) {
    return *jobs::parse_job_line(R"({"event":"object","status":"indexed","bucket":"photos",)"
                                 R"("key":")" +
                                 key +
                                 R"(","etag":"e","sequencer":"1",)"
                                 R"("index_id":)" +
                                 std::to_string(id) + R"(,"thumbnail":"photos/)" + key +
                                 R"(.thumb.jpg"})")
                .event;
}

std::string png(QColor colour) {
    QImage image(32, 24, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toStdString();
}

} // namespace

class TestIngestMonitor : public QObject {
    Q_OBJECT
  private slots:
    void bucketThumbnailsAreFetchedAndMissingOnesSayWhy() {
        auto& server = objectstore::testing::shared_s3proxy();
        auto client = objectstore::testing::s3proxy_client();
        client.create_bucket("processed");
        client.put_object("processed", "photos/cat.jpg.thumb.jpg", png(Qt::red), "image/png");
        const auto& keys = objectstore::testing::s3proxy_credentials();
        qputenv("LIVEML_TEST_THUMB_ACCESS", QByteArray::fromStdString(keys.access_key));
        qputenv("LIVEML_TEST_THUMB_SECRET", QByteArray::fromStdString(keys.secret_key));

        IngestMonitor monitor;
        monitor.reset({}, {QString::fromStdString(server.endpoint()), QStringLiteral("processed"),
                           QStringLiteral("LIVEML_TEST_THUMB_ACCESS"),
                           QStringLiteral("LIVEML_TEST_THUMB_SECRET")});
        monitor.push(indexed("cat.jpg", 0), 0);
        monitor.push(indexed("dog.jpg", 1), 0); // its thumbnail was never written
        monitor.refresh();
        QCOMPARE(monitor.thumbnailCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT((monitor.refresh(), monitor.picturesShown()), 1, 20000);
        auto* grid = monitor.findChild<QListWidget*>(QStringLiteral("ingestThumbnails"));
        QVERIFY(grid);
        // Newest first: dog (no picture, and the tooltip says why), then cat.
        QTRY_VERIFY_WITH_TIMEOUT(
            (monitor.refresh(), grid->item(0)->toolTip().contains(QStringLiteral("not shown"))),
            20000);
        QVERIFY(grid->item(0)->icon().isNull());
        QVERIFY(!grid->item(1)->icon().isNull());
        QVERIFY(!grid->item(0)->toolTip().contains(QString::fromStdString(keys.secret_key)));
    }

    void unsetCredentialsShowNamesWithoutPictures() {
        auto& server = objectstore::testing::shared_s3proxy();
        IngestMonitor monitor;
        monitor.reset({}, {QString::fromStdString(server.endpoint()), QStringLiteral("processed"),
                           QStringLiteral("LIVEML_TEST_UNSET_ACCESS"),
                           QStringLiteral("LIVEML_TEST_UNSET_SECRET")});
        monitor.push(indexed("cat.jpg", 0), 0);
        monitor.refresh();
        auto* grid = monitor.findChild<QListWidget*>(QStringLiteral("ingestThumbnails"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (monitor.refresh(),
             grid->item(0)->toolTip().contains(QStringLiteral("LIVEML_TEST_UNSET_ACCESS"))),
            20000);
        QCOMPARE(monitor.picturesShown(), 0);
    }
};

QTEST_MAIN(TestIngestMonitor)
#include "test_ingest_monitor.moc"
