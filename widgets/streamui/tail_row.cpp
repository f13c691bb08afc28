#include "streamui/tail_row.hpp"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include "stream/dead_letter.hpp"
#include "stream/prediction_record.hpp"

namespace liveml::streamui {

namespace {

constexpr int kPixels = 64;
constexpr int kMaxPixel = 16;

std::optional<QJsonObject> parseObject(std::string_view value) {
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(value.data(), qsizetype(value.size())));
    if (!doc.isObject()) return std::nullopt;
    return doc.object();
}

// A JSON number that is a whole number within [low, high], else -1.
int boundedInt(const QJsonValue& value, int low, int high) {
    if (!value.isDouble()) return -1;
    const double d = value.toDouble();
    // Range before the cast: int(1e300) is undefined behaviour (found by fuzz/sink_records).
    if (!(d >= low && d <= high) || d != std::floor(d)) return -1;
    return int(d);
}

bool readPixels(const QJsonValue& x, std::array<std::uint8_t, 64>& pixels) {
    const QJsonArray array = x.toArray();
    if (!x.isArray() || array.size() != kPixels) return false;
    for (int i = 0; i < kPixels; ++i) {
        const int v = boundedInt(array[i], 0, kMaxPixel);
        if (v < 0) return false;
        pixels[std::size_t(i)] = std::uint8_t(v);
    }
    return true;
}

} // namespace

TailRow decodePredictionRow(std::string_view value) {
    TailRow row;
    const auto record = stream::parsePredictionRecord(value);
    if (!record) {
        row.problem = QCoreApplication::translate("TailRow", "not a digit_predict record");
        return row;
    }
    row.hasPixels = true;
    row.pixels = record->x;
    row.actual = record->actual;
    row.predicted = record->predicted;
    return row;
}

TailRow decodeDeadLetterRow(std::string_view value) {
    TailRow row;
    row.kind = TailRow::Kind::DeadLetter;
    const auto letter = stream::parseDeadLetter(value);
    if (!letter) {
        row.problem = QCoreApplication::translate("TailRow", "not a dead letter record");
        return row;
    }
    row.reason = QString::fromStdString(letter->reason);
    row.original = QByteArray::fromStdString(letter->original);
    // Refused records are often nearly right; show what can be shown (a lenient look, not
    // the trainer's validation, which refused it).
    if (const auto source = parseObject(letter->original)) {
        row.hasPixels = readPixels(source->value(QLatin1String("x")), row.pixels);
        row.actual = boundedInt(source->value(QLatin1String("actual_y")), 0, 9);
    }
    return row;
}

} // namespace liveml::streamui
