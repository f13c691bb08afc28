// Trainer metrics records reach the dashboard from Redis and Kafka; whoever can write there
// controls these bytes. The reader must refuse bad records with MetricsRecordError only.
#include "stream/metrics_record.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>

using namespace liveml::stream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const MetricsRecord record =
            parseMetricsRecord(std::string_view(reinterpret_cast<const char*>(data), size));
        // The chart's x and y axes take these as they are.
        if (!std::isfinite(record.time) || !(record.samples_seen >= 0)) std::abort();
    } catch (const MetricsRecordError&) {
    }
    return 0;
}
