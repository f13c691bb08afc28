#pragma once
#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace liveml::streamui {

// One record of the message tail, decoded on the tail's thread: a `digit_predict` sink
// record or a dead letter. Fields a record does not carry stay at their "none" values.
struct TailRow {
    enum class Kind { Prediction, DeadLetter };
    Kind kind = Kind::Prediction;
    std::int32_t partition = 0;
    std::int64_t offset = 0;
    std::int64_t timestampMs = -1;
    int actual = -1;    // 0..9, -1 unknown
    int predicted = -1; // 0..9, -1 for dead letters
    bool hasPixels = false;
    std::array<std::uint8_t, 64> pixels{}; // the 8×8 digit, 0..16, row-major
    QString reason;                        // dead letters: why the trainer refused it
    QByteArray original;                   // dead letters: the refused bytes, decoded
    QString problem; // the tail could not decode the record itself (shown instead)

    bool wrong() const { return kind == Kind::Prediction && actual >= 0 && actual != predicted; }
};

// Decodes a sink record ({"x":[64],"actual_y":d,"predict_y":d}). Never throws: a record that
// is not in that shape comes back with `problem` set and the rest empty.
TailRow decodePredictionRow(std::string_view value);

// Decodes a dead letter ({"reason","topic","partition","offset","value_base64"}, see
// docs/streaming.md). The original bytes are base64-decoded; when they happen to be a source
// record with a valid `x` and `actual_y` these are shown too.
TailRow decodeDeadLetterRow(std::string_view value);

} // namespace liveml::streamui

Q_DECLARE_METATYPE(liveml::streamui::TailRow)
