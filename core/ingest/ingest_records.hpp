#pragma once
// What ingest writes for others: the JSON sidecar beside each thumbnail in the output bucket,
// and one result event per object on the processed topic. Writers and readers side by side
// (round-trip tested); readers return nullopt for anything else.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liveml::ingest {

// <out-bucket>/<bucket>/<key>.json
struct Sidecar {
    std::string bucket;
    std::string key;
    std::string etag;
    std::string sequencer;
    std::int64_t index_id = -1;
    int width = 0; // of the original
    int height = 0;
    std::string thumbnail_key; // in the output bucket
    int thumbnail_width = 0;
    int thumbnail_height = 0;
    std::string model; // fingerprint of the model that made the embedding

    bool operator==(const Sidecar&) const = default;
};

std::string write_sidecar(const Sidecar& sidecar);
std::optional<Sidecar> read_sidecar(std::string_view json);

// Output keys of an object: the thumbnail (JPEG) and the sidecar.
std::string thumbnail_key(std::string_view bucket, std::string_view key);
std::string sidecar_key(std::string_view bucket, std::string_view key);

// status: "indexed" (new), "replaced" (a new version), "removed", "skipped" (already applied
// or older; reason says which), "failed" (dead-lettered; reason says why).
struct ProcessedEvent {
    std::string status;
    std::string bucket;
    std::string key;
    std::string etag;
    std::string sequencer;
    std::int64_t index_id = -1;
    std::string thumbnail_key; // "" unless indexed or replaced
    std::string sidecar_key;
    std::string reason;

    bool operator==(const ProcessedEvent&) const = default;
};

std::string write_processed_event(const ProcessedEvent& event);
std::optional<ProcessedEvent> read_processed_event(std::string_view json);

} // namespace liveml::ingest
