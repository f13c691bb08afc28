// What the studio reads from the trainer's output topics and Redis channel: sink records
// (dashboard and message tail), dead letters (message tail) and checkpoint notices (hot model
// reload). Each reader gets the same bytes; each must answer "not a record" rather than crash.
// The core readers (core/stream) are driven directly and through the tail's Qt row decoder.
#include "store/checkpoint_store.hpp"
#include "store/redis_error.hpp"
#include "stream/dead_letter.hpp"
#include "stream/prediction_record.hpp"
#include "streamui/tail_row.hpp"

#include <cstdint>
#include <cstdlib>

using namespace liveml;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (const auto record = stream::parsePredictionRecord(bytes)) {
        for (const auto v : record->x)
            if (v > 16) std::abort();
        if (record->actual < 0 || record->actual > 9 || record->predicted < 0 ||
            record->predicted > 9)
            std::abort();
    }
    // The documented shape: a dead letter that reads has a reason.
    if (const auto letter = stream::parseDeadLetter(bytes); letter && letter->reason.empty())
        std::abort();

    const streamui::TailRow prediction = streamui::decodePredictionRow(bytes);
    // A row without a problem is what the tail draws: an 8×8 digit and two digits 0..9.
    if (prediction.problem.isEmpty() &&
        (!prediction.hasPixels || prediction.actual < 0 || prediction.actual > 9 ||
         prediction.predicted < 0 || prediction.predicted > 9))
        std::abort();
    (void)streamui::decodeDeadLetterRow(bytes);

    try {
        (void)store::CheckpointNotice::from_json(bytes);
    } catch (const store::RedisError&) {
    }
    return 0;
}
