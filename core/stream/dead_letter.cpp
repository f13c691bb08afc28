#include "stream/dead_letter.hpp"

#include <limits>

#include "stream/json_object_reader.hpp"
#include "stream/record_encoder.hpp"

namespace liveml::stream {

std::optional<DeadLetter> parseDeadLetter(std::string_view json) {
    return read_json_object(
        json, [](simdjson::ondemand::object& object) -> std::optional<DeadLetter> {
            DeadLetter letter;
            std::string_view text;
            if (object.find_field_unordered("reason").get_string().get(text) || text.empty())
                return std::nullopt;
            letter.reason = text;
            if (object.find_field_unordered("topic").get_string().get(text)) return std::nullopt;
            letter.topic = text;
            std::int64_t partition = 0;
            if (object.find_field_unordered("partition").get_int64().get(partition) ||
                partition < 0 || partition > std::numeric_limits<std::int32_t>::max())
                return std::nullopt;
            letter.partition = static_cast<std::int32_t>(partition);
            if (object.find_field_unordered("offset").get_int64().get(letter.offset) ||
                letter.offset < 0)
                return std::nullopt;
            if (object.find_field_unordered("value_base64").get_string().get(text) ||
                !decode_base64(text, letter.original))
                return std::nullopt;
            return letter;
        });
}

} // namespace liveml::stream
