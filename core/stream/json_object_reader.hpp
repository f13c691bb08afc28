#pragma once
// For the record readers' .cpp files only: simdjson stays out of the public headers.
#include <simdjson.h>

#include <optional>
#include <string_view>

namespace liveml::stream {

// Runs read(object) on the JSON object `json` holds, with this thread's reused parser (its
// buffers are kept from record to record); nullopt when `json` is not a JSON object. read
// returns an optional itself.
template <class Read>
auto read_json_object(std::string_view json, Read&& read)
    -> decltype(read(std::declval<simdjson::ondemand::object&>())) {
    thread_local simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(json);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(object)) return std::nullopt;
    return read(object);
}

} // namespace liveml::stream
