#pragma once
// Run folders on disk, one per run under a root (the studio uses its XDG data folder):
//   <root>/<id>/params.json   the job kind and options (what "rerun" starts again)
//   <root>/<id>/run.json      status, times, device, error, headline metric
//   <root>/<id>/events.jsonl  every event the job sent, with "studio_ms": when it arrived
//   <root>/<id>/result.json   the result event's members
//   <root>/<id>/model|index   what the job made (job_spec.hpp: output_path)
// The history is these folders, so it survives restarts. Not thread-safe: one owner.
#include "jobs/run_record.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liveml::jobs {

class RunStore {
  public:
    explicit RunStore(std::filesystem::path root);

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path run_dir(const std::string& id) const { return root_ / id; }

    // A new queued run in a new folder; its id is the UTC creation time and the job name
    // ("20261203-134512-train", "-2", "-3", … when taken). Throws std::runtime_error when the
    // folder cannot be written.
    RunRecord create(const JobSpec& spec, std::int64_t now_ms);
    // Writes run.json (through a temporary file, so a crash never leaves half a file).
    void save(const RunRecord& record) const;
    void append_event(const std::string& id, std::string_view line) const;
    void save_result(const std::string& id, const nlohmann::json& result) const;
    std::optional<nlohmann::json> result(const std::string& id) const;
    std::vector<std::string> event_lines(const std::string& id) const;
    // Deletes the run folder and everything the job made in it.
    void remove(const std::string& id) const;

    struct Loaded {
        std::vector<RunRecord> runs;       // oldest first
        std::vector<std::string> problems; // folders that could not be read, with why
    };
    // Every run folder. A run still marked queued or running belonged to a studio that ended
    // (its job got SIGTERM with it): it comes back as stopped.
    Loaded load() const;

  private:
    std::filesystem::path root_;
};

} // namespace liveml::jobs
