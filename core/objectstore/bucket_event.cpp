#include "objectstore/bucket_event.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace liveml::objectstore {
namespace {

using nlohmann::json;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "s3:ObjectCreated:Put" and "ObjectCreated:Put" name the same event.
std::string_view without_prefix(std::string_view name) {
    return name.starts_with("s3:") ? name.substr(3) : name;
}

std::string upper_hex(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

// A string member, or "" when absent; refuses a member of another type.
std::string string_member(const json& object, const char* name, const char* where) {
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string())
        throw std::invalid_argument(std::string(where) + "." + name + " is not a string");
    return it->get<std::string>();
}

BucketEvent read_record(const json& record) {
    if (!record.is_object()) throw std::invalid_argument("a record is not an object");
    BucketEvent event;
    event.event_name = string_member(record, "eventName", "record");
    const auto name = without_prefix(event.event_name);
    if (name.starts_with("ObjectCreated:"))
        event.kind = BucketEventKind::Created;
    else if (name.starts_with("ObjectRemoved:"))
        event.kind = BucketEventKind::Removed;
    else
        throw std::invalid_argument(event.event_name.empty()
                                        ? "a record has no eventName"
                                        : "unsupported event " + event.event_name);
    event.event_time = string_member(record, "eventTime", "record");
    const auto s3 = record.find("s3");
    if (s3 == record.end() || !s3->is_object())
        throw std::invalid_argument("a record has no s3 object");
    const auto bucket = s3->find("bucket");
    const auto object = s3->find("object");
    if (bucket == s3->end() || !bucket->is_object() || object == s3->end() || !object->is_object())
        throw std::invalid_argument("a record has no s3.bucket or s3.object");
    event.bucket = string_member(*bucket, "name", "s3.bucket");
    if (event.bucket.empty()) throw std::invalid_argument("a record has no bucket name");
    const auto encoded_key = string_member(*object, "key", "s3.object");
    if (encoded_key.empty()) throw std::invalid_argument("a record has no object key");
    if (!url_form_decode(encoded_key, event.key))
        throw std::invalid_argument("object key '" + encoded_key + "' is not URL-encoded");
    if (const auto size = object->find("size"); size != object->end() && !size->is_null()) {
        if (size->is_number_unsigned()) {
            event.size = size->get<std::uint64_t>();
        } else if (size->is_string() && !size->get<std::string>().empty() &&
                   std::ranges::all_of(size->get<std::string>(),
                                       [](unsigned char c) { return std::isdigit(c); }) &&
                   size->get<std::string>().size() <= 19) {
            event.size = std::stoull(size->get<std::string>()); // Ceph writes it as a string
        } else {
            throw std::invalid_argument("object size " + size->dump() + " is not a count of bytes");
        }
    }
    event.etag = string_member(*object, "eTag", "s3.object");
    event.sequencer = string_member(*object, "sequencer", "s3.object");
    if (!std::ranges::all_of(event.sequencer, [](char c) { return hex_value(c) >= 0; }))
        throw std::invalid_argument("sequencer '" + event.sequencer + "' is not hexadecimal");
    return event;
}

} // namespace

std::string url_form_encode(std::string_view raw) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += ch;
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

bool url_form_decode(std::string_view encoded, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '+') {
            out += ' ';
        } else if (encoded[i] == '%') {
            if (i + 2 >= encoded.size()) return false;
            const int high = hex_value(encoded[i + 1]);
            const int low = hex_value(encoded[i + 2]);
            if (high < 0 || low < 0) return false;
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            out += encoded[i];
        }
    }
    return true;
}

bool sequencer_newer(std::string_view a, std::string_view b) {
    const auto width = std::max(a.size(), b.size());
    const auto pad = [&](std::string_view s) {
        return std::string(width - s.size(), '0') + upper_hex(s);
    };
    if (a.empty()) return false;
    if (b.empty()) return true;
    return pad(a) > pad(b);
}

BucketEventMessage write_minio_event(const BucketEvent& event) {
    json object{{"key", url_form_encode(event.key)}, {"sequencer", event.sequencer}};
    if (event.kind == BucketEventKind::Created) {
        object["size"] = event.size;
        object["eTag"] = event.etag;
    }
    const json record{
        {"eventVersion", "2.0"},
        {"eventSource", "minio:s3"},
        {"awsRegion", ""},
        {"eventTime", event.event_time},
        {"eventName", event.event_name},
        {"s3",
         {{"s3SchemaVersion", "1.0"},
          {"configurationId", "Config"},
          {"bucket", {{"name", event.bucket}, {"arn", "arn:aws:s3:::" + event.bucket}}},
          {"object", object}}}};
    const auto key = event.bucket + "/" + event.key;
    const json value{
        {"EventName", event.event_name}, {"Key", key}, {"Records", json::array({record})}};
    return {key, value.dump()};
}

std::variant<std::vector<BucketEvent>, std::string> read_bucket_events(std::string_view value) {
    const auto parsed = json::parse(value, nullptr, false);
    if (parsed.is_discarded()) return std::string("not JSON");
    if (!parsed.is_object()) return std::string("not a JSON object");
    const auto records = parsed.find("Records");
    if (records == parsed.end() || !records->is_array() || records->empty())
        return std::string("no Records");
    std::vector<BucketEvent> events;
    try {
        for (const auto& record : *records)
            events.push_back(read_record(record));
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
    return events;
}

} // namespace liveml::objectstore
