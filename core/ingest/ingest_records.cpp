#include "ingest/ingest_records.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace liveml::ingest {

using nlohmann::json;

namespace {

constexpr std::array kStatuses{"indexed", "replaced", "removed", "skipped", "failed"};

std::optional<json> object_of(std::string_view text) {
    auto parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
    return parsed;
}

} // namespace

std::string thumbnail_key(std::string_view bucket, std::string_view key) {
    return std::string(bucket) + "/" + std::string(key) + ".thumb.jpg";
}

std::string sidecar_key(std::string_view bucket, std::string_view key) {
    return std::string(bucket) + "/" + std::string(key) + ".json";
}

std::string write_sidecar(const Sidecar& s) {
    return json{
        {"bucket", s.bucket},
        {"key", s.key},
        {"etag", s.etag},
        {"sequencer", s.sequencer},
        {"index_id", s.index_id},
        {"width", s.width},
        {"height", s.height},
        {"thumbnail",
         {{"key", s.thumbnail_key}, {"width", s.thumbnail_width}, {"height", s.thumbnail_height}}},
        {"model", s.model}}
        .dump();
}

std::optional<Sidecar> read_sidecar(std::string_view text) {
    const auto j = object_of(text);
    if (!j) return std::nullopt;
    try {
        Sidecar s;
        s.bucket = j->at("bucket").get<std::string>();
        s.key = j->at("key").get<std::string>();
        s.etag = j->at("etag").get<std::string>();
        s.sequencer = j->at("sequencer").get<std::string>();
        s.index_id = j->at("index_id").get<std::int64_t>();
        s.width = j->at("width").get<int>();
        s.height = j->at("height").get<int>();
        const auto& thumb = j->at("thumbnail");
        s.thumbnail_key = thumb.at("key").get<std::string>();
        s.thumbnail_width = thumb.at("width").get<int>();
        s.thumbnail_height = thumb.at("height").get<int>();
        s.model = j->at("model").get<std::string>();
        if (s.bucket.empty() || s.key.empty() || s.index_id < 0) return std::nullopt;
        return s;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

std::string write_processed_event(const ProcessedEvent& e) {
    json j{{"status", e.status}, {"bucket", e.bucket},       {"key", e.key},
           {"etag", e.etag},     {"sequencer", e.sequencer}, {"index_id", e.index_id}};
    if (!e.thumbnail_key.empty()) j["thumbnail"] = e.thumbnail_key;
    if (!e.sidecar_key.empty()) j["sidecar"] = e.sidecar_key;
    if (!e.reason.empty()) j["reason"] = e.reason;
    return j.dump();
}

std::optional<ProcessedEvent> read_processed_event(std::string_view text) {
    const auto j = object_of(text);
    if (!j) return std::nullopt;
    try {
        ProcessedEvent e;
        e.status = j->at("status").get<std::string>();
        if (std::ranges::find(kStatuses, e.status) == kStatuses.end()) return std::nullopt;
        e.bucket = j->at("bucket").get<std::string>();
        e.key = j->at("key").get<std::string>();
        e.etag = j->at("etag").get<std::string>();
        e.sequencer = j->at("sequencer").get<std::string>();
        e.index_id = j->at("index_id").get<std::int64_t>();
        e.thumbnail_key = j->value("thumbnail", std::string{});
        e.sidecar_key = j->value("sidecar", std::string{});
        e.reason = j->value("reason", std::string{});
        return e;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

} // namespace liveml::ingest
