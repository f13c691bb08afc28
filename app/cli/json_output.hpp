#pragma once
// Builds one JSON object per call, in insertion order, for the CLI's machine-readable output.
// Doubles are written with std::to_chars' shortest round-trip form, so a reader that parses
// them as float64 gets back exactly the bits we hold (including -0.0).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liveml::cli {

// Appends `value` as a JSON number that parses back to the same double; -0.0 stays "-0.0"
// and whole numbers keep a ".0" so readers see a float. Non-finite values become null.
void append_json_double(std::string& out, double value);
// Appends `text` as a JSON string; invalid UTF-8 bytes (e.g. in file names) become U+FFFD.
void append_json_string(std::string& out, std::string_view text);

class JsonObject {
  public:
    JsonObject& add(std::string_view key, std::string_view value);
    JsonObject& add(std::string_view key, const char* value) {
        return add(key, std::string_view{value});
    }
    JsonObject& add(std::string_view key, double value);
    JsonObject& add(std::string_view key, std::int64_t value);
    JsonObject& add(std::string_view key, std::uint64_t value);
    JsonObject& add(std::string_view key, int value) {
        return add(key, static_cast<std::int64_t>(value));
    }
    JsonObject& add(std::string_view key, bool value);
    JsonObject& add(std::string_view key, std::span<const double> values);
    JsonObject& add(std::string_view key, std::span<const int> values);
    // `json` must already be valid JSON (a nested object or array built elsewhere).
    JsonObject& add_raw(std::string_view key, std::string_view json);

    // The finished object, without a trailing newline.
    std::string str() const { return body_ + '}'; }

  private:
    std::string& key(std::string_view name);
    std::string body_ = "{";
};

// "[a,b,…]" with append_json_double formatting.
std::string json_array(std::span<const double> values);
// "[[…],[…],…]": a confusion matrix's counts, row by row.
std::string confusion_json(const std::vector<std::vector<std::uint64_t>>& counts);

} // namespace liveml::cli
