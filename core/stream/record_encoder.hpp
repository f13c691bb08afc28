#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "stream/digit_record.hpp"

namespace liveml::stream {

// Where a source record came from; named in dead letters.
struct SourcePosition {
    std::string_view topic;
    std::int32_t partition = 0;
    std::int64_t offset = 0;
};

// Writes the trainer's output records into one reused buffer: after the first few records the
// buffer has grown to its final size and encoding allocates nothing. The returned view is
// valid until the next call.
class RecordEncoder {
  public:
    RecordEncoder();

    // Sink record, exactly the original pipeline's shape: {"x":[…],"actual_y":d,"predict_y":d}
    std::string_view sink(const DigitRecord& record, int predicted);

    // Dead letter: {"reason":…,"topic":…,"partition":p,"offset":o,"value_base64":…}. The
    // original bytes travel base64-encoded because they may not be valid UTF-8 or JSON.
    std::string_view dead_letter(std::string_view original, RecordError reason,
                                 const SourcePosition& from);
    // The same shape with a reason of another pipeline (bucket events: "not an image: …").
    std::string_view dead_letter(std::string_view original, std::string_view reason,
                                 const SourcePosition& from);

  private:
    std::string buffer_;
};

// {"ts":"…","x":[…],"actual_y":d}: what `liveml produce` writes. Appends to out.
void append_source_record(std::string& out, const DigitRecord& record);

// Appends a JSON string literal (quotes and escapes included).
void append_json_string(std::string& out, std::string_view text);
void append_base64(std::string& out, std::string_view bytes);
// Returns false on any character outside the standard alphabet or bad padding.
bool decode_base64(std::string_view text, std::string& out);

} // namespace liveml::stream
