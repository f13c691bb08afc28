#include "stream/tail_row.hpp"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace liveml::streamui {

namespace {

constexpr int kPixels = 64;
constexpr int kMaxPixel = 16;

std::optional<QJsonObject> parseObject(std::string_view value, QString& problem) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(value.data(), qsizetype(value.size())), &error);
    if (error.error != QJsonParseError::NoError) {
        problem = QCoreApplication::translate("TailRow", "not JSON: %1").arg(error.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        problem = QCoreApplication::translate("TailRow", "not a JSON object");
        return std::nullopt;
    }
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
    const auto object = parseObject(value, row.problem);
    if (!object) return row;
    row.hasPixels = readPixels(object->value(QLatin1String("x")), row.pixels);
    row.actual = boundedInt(object->value(QLatin1String("actual_y")), 0, 9);
    row.predicted = boundedInt(object->value(QLatin1String("predict_y")), 0, 9);
    if (!row.hasPixels || row.actual < 0 || row.predicted < 0)
        row.problem = QCoreApplication::translate("TailRow", "not a digit_predict record");
    return row;
}

TailRow decodeDeadLetterRow(std::string_view value) {
    TailRow row;
    row.kind = TailRow::Kind::DeadLetter;
    const auto object = parseObject(value, row.problem);
    if (!object) return row;
    row.reason = object->value(QLatin1String("reason")).toString();
    const QJsonValue encoded = object->value(QLatin1String("value_base64"));
    const auto decoded = QByteArray::fromBase64Encoding(encoded.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (row.reason.isEmpty() || !encoded.isString() || !decoded) {
        row.problem = QCoreApplication::translate("TailRow", "not a dead letter record");
        return row;
    }
    row.original = *decoded;
    // Refused records are often nearly right; show what can be shown.
    QString ignored;
    if (const auto source = parseObject(
            std::string_view(row.original.constData(), std::size_t(row.original.size())),
            ignored)) {
        row.hasPixels = readPixels(source->value(QLatin1String("x")), row.pixels);
        row.actual = boundedInt(source->value(QLatin1String("actual_y")), 0, 9);
    }
    return row;
}

} // namespace liveml::streamui
