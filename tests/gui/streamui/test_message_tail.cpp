// The Stream page's message tail against a real Kafka-protocol broker (librdkafka's mock
// cluster, the one `liveml broker` serves): sink and dead-letter records produced with
// librdkafka come back as rows; filters, restart and the 8×8 digit decode are checked.
#include <QImage>
#include <QLabel>
#include <QTableView>
#include <QTest>

#include "series/series_store.hpp"
#include "stream/kafka_producer.hpp"
#include "stream/mock_broker.hpp"
#include "stream/topics.hpp"
#include "streamui/message_tail_view.hpp"
#include "streamui/tail_filter.hpp"
#include "streamui/tail_model.hpp"

using namespace liveml;
using namespace liveml::streamui;

namespace {
constexpr int kWaitMs = 15000;
const std::string kSink(stream::kSinkTopic);
const std::string kDlq = stream::dead_letter_topic(stream::kSourceTopic);

// A sink record whose digit has ink (16) in row `row` only.
std::string sinkRecord(int actual, int predicted, int row) {
    std::string x;
    for (int i = 0; i < 64; ++i)
        x += (i ? "," : "") + std::to_string(i / 8 == row ? 16 : 0);
    return "{\"x\":[" + x + "],\"actual_y\":" + std::to_string(actual) +
           ",\"predict_y\":" + std::to_string(predicted) + "}";
}

std::string deadLetter(const std::string& reason, const QByteArray& original) {
    return "{\"reason\":\"" + reason + "\",\"topic\":\"handwritten_digit\",\"partition\":1," +
           "\"offset\":7,\"value_base64\":\"" + original.toBase64().toStdString() + "\"}";
}
} // namespace

class TestMessageTail : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        broker_ = std::make_unique<stream::MockBroker>(
            stream::MockBrokerOptions{2, stream::pipeline_topics()});
        kafka_ = {{"bootstrap.servers", broker_->bootstrap()}};
    }

    void decodesSinkAndDeadLetterRecords() {
        produce({{kSink, sinkRecord(3, 3, 0)},
                 {kSink, sinkRecord(7, 1, 5)},
                 {kSink, sinkRecord(7, 7, 2)},
                 {kDlq, deadLetter("x_out_of_range", R"({"x":[99],"actual_y":4})")},
                 {kDlq, deadLetter("not_json", QByteArray("\xff\xfe garbage", 10))}});
        series::SeriesStore metrics;
        metrics.append({"trainer", "consumer_lag/handwritten_digit:0"}, {1, 1.7e9, 12});
        metrics.append({"trainer", "consumer_lag/handwritten_digit:1"}, {1, 1.7e9, 3});
        MessageTailView view(metrics);
        view.resize(900, 500);
        view.show();
        view.connectTo(kafka_, kSink, kDlq);
        view.restartFromBeginning();
        TailModel& model = *view.model();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, kWaitMs);

        int predictions = 0;
        int thumbnails = 0; // the 7-read-as-1 row's, checked pixel by pixel
        for (int i = 0; i < model.rowCount(); ++i) {
            const TailRow& row = model.row(i);
            QVERIFY(row.offset >= 0);
            QVERIFY(row.partition >= 0 && row.partition < 2);
            QVERIFY(row.timestampMs > 0);
            if (row.kind == TailRow::Kind::Prediction) {
                ++predictions;
                QVERIFY2(row.problem.isEmpty(), qPrintable(row.problem));
                QVERIFY(row.hasPixels);
                if (row.actual == 7 && row.predicted == 1) {
                    // Ink in row 5 only: dark there, white elsewhere, in the 8×8 thumbnail.
                    const QImage image = TailModel::digitImage(row, 8);
                    QCOMPARE(qGray(image.pixel(3, 5)), 0);
                    QCOMPARE(qGray(image.pixel(3, 4)), 255);
                    QVERIFY(row.wrong());
                    ++thumbnails;
                }
            } else if (row.reason == QLatin1String("x_out_of_range")) {
                QCOMPARE(row.original, QByteArray(R"({"x":[99],"actual_y":4})"));
                QCOMPARE(row.actual, 4);
                QVERIFY(!row.hasPixels);
            } else {
                QCOMPARE(row.reason, QStringLiteral("not_json"));
                QCOMPARE(row.original, QByteArray("\xff\xfe garbage", 10));
            }
        }
        QCOMPARE(predictions, 3);
        QCOMPARE(thumbnails, 1);

        TailFilter& filter = *view.filter();
        filter.setOnlyWrong(true);
        QCOMPARE(filter.rowCount(), 1);
        filter.setOnlyWrong(false);
        filter.setActual(7);
        QCOMPARE(filter.rowCount(), 2);
        filter.setPredicted(7);
        QCOMPARE(filter.rowCount(), 1);
        filter.setActual(-1);
        filter.setPredicted(-1);
        filter.setReasonText(QStringLiteral("RANGE"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setReasonText({});
        QCOMPARE(filter.rowCount(), 5);

        QVERIFY2(view.lagText().contains(QStringLiteral("handwritten_digit:0: 12")),
                 qPrintable(view.lagText()));

        // Restart from the end: the old rows go, new records still arrive.
        view.restartFromEnd();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, kWaitMs);
        QTest::qWait(500); // the tail is at the end before the next record
        produce({{kSink, sinkRecord(5, 5, 1)}});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kWaitMs);
        QCOMPARE(model.row(0).actual, 5);
        view.disconnectStream();
    }

    void pausedTailReadsNothing() {
        series::SeriesStore metrics;
        MessageTailView view(metrics);
        view.connectTo(kafka_, kSink, kDlq);
        view.setPaused(true);
        view.restartFromBeginning();
        QTest::qWait(1500);
        QCOMPARE(view.model()->rowCount(), 0);
        view.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() >= 6, kWaitMs);
    }

    void modelKeepsOnlyTheNewestRows() {
        TailModel model(3);
        QList<TailRow> rows;
        for (int i = 0; i < 5; ++i) {
            TailRow row;
            row.offset = i;
            rows << row;
        }
        model.append(rows.mid(0, 2));
        model.append(rows.mid(2));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.row(0).offset, 2);
        QCOMPARE(model.row(2).offset, 4);
    }

    void badRecordsAreShownNotTrusted() {
        const TailRow notJson = decodePredictionRow("{nope");
        QVERIFY(!notJson.problem.isEmpty());
        QVERIFY(!notJson.hasPixels);
        const TailRow outOfRange = decodePredictionRow(R"({"x":[1],"actual_y":12,"predict_y":1})");
        QVERIFY(!outOfRange.problem.isEmpty());
        QCOMPARE(outOfRange.actual, -1);
        // Found by fuzz/sink_records: numbers beyond int's range (UB when cast unchecked).
        const TailRow huge =
            decodePredictionRow(R"({"x":[1],"actual_y":1e300,"predict_y":-1e300})");
        QCOMPARE(huge.actual, -1);
        QCOMPARE(huge.predicted, -1);
        const TailRow badBase64 = decodeDeadLetterRow(R"({"reason":"empty","value_base64":"@@"})");
        QVERIFY(!badBase64.problem.isEmpty());
    }

  private:
    void produce(const std::vector<std::pair<std::string, std::string>>& records) {
        stream::KafkaProducer producer(kafka_);
        for (const auto& [topic, value] : records)
            QVERIFY(producer.send(topic, {}, value, [] { return false; }));
        QVERIFY(producer.flush(std::chrono::milliseconds(kWaitMs)));
        QCOMPARE(producer.failed(), 0u);
    }

    std::unique_ptr<stream::MockBroker> broker_;
    stream::KafkaProperties kafka_;
};

QTEST_MAIN(TestMessageTail)
#include "test_message_tail.moc"
