// Source records from Kafka are attacker-controlled bytes. Beyond "no crash", a record the
// decoder accepts must survive the encoder round trip unchanged (what `liveml produce` writes
// is what the trainer reads back).
#include "stream/record_decoder.hpp"
#include "stream/record_encoder.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace liveml::stream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static RecordDecoder decoder;
    DigitRecord record;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const RecordError error = decoder.decode(bytes, record);
    if (error != RecordError::None) {
        // Every rejection has a stable name for the dead-letter topic.
        if (to_string(error).empty() || describe(error).empty()) std::abort();
        return 0;
    }
    std::string encoded;
    append_source_record(encoded, record);
    DigitRecord again;
    if (decoder.decode(encoded, again) != RecordError::None || again.x != record.x ||
        again.label != record.label || again.ts_epoch_s != record.ts_epoch_s)
        std::abort();
    return 0;
}
