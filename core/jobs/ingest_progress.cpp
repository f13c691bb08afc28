#include "jobs/ingest_progress.hpp"

#include "ingest/ingest_records.hpp"

#include <algorithm>

namespace liveml::jobs {

namespace {

// A counter the job sent, or nullopt when it is missing or not a non-negative number.
std::optional<std::uint64_t> count_at(const nlohmann::json& body, const char* name) {
    const auto it = body.find(name);
    if (it == body.end() || !it->is_number() || it->get<double>() < 0) return std::nullopt;
    return it->get<std::uint64_t>();
}

std::optional<IngestCounters> counters_of(const nlohmann::json& body) {
    IngestCounters c;
    std::uint64_t* const fields[] = {&c.events,  &c.indexed, &c.replaced,  &c.removed,
                                     &c.skipped, &c.failed,  &c.malformed, &c.size};
    const char* const names[] = {"events",  "indexed", "replaced",  "removed",
                                 "skipped", "failed",  "malformed", "size"};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        const auto value = count_at(body, names[i]);
        if (!value) return std::nullopt;
        *fields[i] = *value;
    }
    c.seconds = body.value("seconds", 0.0);
    c.objects_per_s = body.value("objects_per_s", 0.0);
    return c;
}

} // namespace

bool IngestProgress::push(const JobEvent& event) {
    if (event.name == "stats") {
        auto counters = counters_of(event.body);
        if (!counters) return false;
        counters_ = *counters;
        return true;
    }
    if (event.name != "object") return false;
    // The reader ignores the envelope's members ("event") beside the result event's own.
    const auto object = ingest::read_processed_event(event.body.dump());
    if (!object) return false;
    if (object->status == "removed") {
        forget(object->bucket, object->key);
        return true;
    }
    if (object->status != "indexed" && object->status != "replaced") return false;
    forget(object->bucket, object->key);
    newest_.push_front({object->bucket, object->key, object->thumbnail_key, object->index_id});
    if (newest_.size() > keep_) newest_.pop_back();
    return true;
}

void IngestProgress::forget(const std::string& bucket, const std::string& key) {
    std::erase_if(newest_,
                  [&](const IngestedObject& o) { return o.bucket == bucket && o.key == key; });
}

} // namespace liveml::jobs
