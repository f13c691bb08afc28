#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liveml::stream {

// A dead letter, as RecordEncoder::dead_letter writes it:
// {"reason":…,"topic":…,"partition":p,"offset":o,"value_base64":…}
struct DeadLetter {
    std::string reason; // to_string(RecordError), e.g. "x_out_of_range"
    std::string topic;  // where the refused record was read
    std::int32_t partition = 0;
    std::int64_t offset = 0;
    std::string original; // the refused bytes, base64-decoded
};

// Reads a dead letter; nullopt for anything not in exactly that shape (a field missing or of
// the wrong type, an empty reason, base64 that does not decode). Other fields are ignored.
std::optional<DeadLetter> parseDeadLetter(std::string_view json);

} // namespace liveml::stream
