#pragma once
// One run of a job as the history keeps it: what was asked, how it went, what it reported.
#include "jobs/job_spec.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace liveml::jobs {

enum class RunStatus { Queued, Running, Done, Stopped, Failed };

std::string_view status_name(RunStatus status); // "queued", "running", "done", …
std::optional<RunStatus> status_named(std::string_view name);

// The figure the history table shows for a finished run, named by the result member it comes
// from ("final_loss", "top1", "size", "images", "results"); the GUI words the name.
struct Headline {
    std::string metric;
    double value = 0;
};
std::optional<Headline> headline_of(JobKind kind, const nlohmann::json& result);

struct RunRecord {
    std::string id;
    JobSpec spec;
    RunStatus status = RunStatus::Queued;
    std::int64_t created_ms = 0;  // Unix time in ms
    std::int64_t started_ms = 0;  // last start (a resume starts again); 0 = never started
    std::int64_t finished_ms = 0; // 0 while queued or running
    double seconds = 0;           // time spent running, summed over starts
    std::string device;           // as the job reported it (the result's "device"), else asked
    std::string error;            // a failed run's last error
    std::optional<Headline> headline;

    bool is_active() const { return status == RunStatus::Queued || status == RunStatus::Running; }
    bool can_resume() const {
        return is_resumable(spec.kind) &&
               (status == RunStatus::Stopped || status == RunStatus::Failed);
    }

    nlohmann::json to_json() const; // run.json (the spec lives in params.json)
    // Throws std::runtime_error when a member has the wrong type.
    static RunRecord from_json(const nlohmann::json& json, JobSpec spec);
};

} // namespace liveml::jobs
