#include "ingest/ingest_ledger.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace liveml::ingest {

using objectstore::BucketEvent;
using objectstore::BucketEventKind;
using objectstore::sequencer_newer;

IngestDecision IngestLedger::decide(const BucketEvent& event) const {
    const auto* entry = find(object_key(event));
    const bool created = event.kind == BucketEventKind::Created;
    if (!entry) return {created ? IngestAction::Index : IngestAction::Remove, "", -1};
    // An event older than the one applied never undoes it (S3 delivers out of order).
    if (!event.sequencer.empty() && sequencer_newer(entry->sequencer, event.sequencer))
        return {IngestAction::Skip, "older than the version already applied", -1};
    if (created) {
        if (entry->id >= 0 && entry->etag == event.etag)
            return {IngestAction::Skip, "already indexed (same eTag)", -1};
        return {IngestAction::Index, "", entry->id};
    }
    if (entry->id < 0) return {IngestAction::Skip, "already removed", -1};
    return {IngestAction::Remove, "", entry->id};
}

void IngestLedger::record_indexed(const BucketEvent& event, std::int64_t id) {
    entries_[object_key(event)] = {event.etag, event.sequencer, id};
}

void IngestLedger::record_removed(const BucketEvent& event) {
    auto& entry = entries_[object_key(event)];
    // A tombstone keeps the sequencer, so a late create older than the delete stays out.
    if (!event.sequencer.empty() || entry.sequencer.empty()) entry.sequencer = event.sequencer;
    entry.etag.clear();
    entry.id = -1;
}

const LedgerEntry* IngestLedger::find(std::string_view object_key) const {
    const auto it = entries_.find(object_key);
    return it == entries_.end() ? nullptr : &it->second;
}

std::size_t IngestLedger::live() const {
    std::size_t n = 0;
    for (const auto& [key, entry] : entries_)
        n += entry.id >= 0;
    return n;
}

std::string IngestLedger::write() const {
    nlohmann::json objects = nlohmann::json::object();
    for (const auto& [key, entry] : entries_)
        objects[key] = {{"etag", entry.etag}, {"sequencer", entry.sequencer}, {"id", entry.id}};
    return nlohmann::json{{"format_version", 1}, {"objects", objects}}.dump() + "\n";
}

IngestLedger IngestLedger::read(std::string_view json) {
    IngestLedger ledger;
    try {
        const auto parsed = nlohmann::json::parse(json);
        if (parsed.at("format_version").get<int>() != 1)
            throw std::runtime_error("unsupported format version");
        for (const auto& [key, value] : parsed.at("objects").items())
            ledger.entries_[key] = {value.at("etag").get<std::string>(),
                                    value.at("sequencer").get<std::string>(),
                                    value.at("id").get<std::int64_t>()};
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(std::string("ingest ledger: ") + e.what());
    }
    return ledger;
}

} // namespace liveml::ingest
