#pragma once
// What a run asks of `liveml clip`: the job kind and its options, and the command line that
// carries them out in a run folder.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liveml::jobs {

// Distill, Compare, FineTune and Ingest name jobs that a build's CLI may not have; the studio
// asks `liveml clip <name> --help` before offering them.
enum class JobKind { Train, Index, Search, ZeroShot, Evaluate, Distill, Compare, FineTune, Ingest };

inline constexpr JobKind kAllJobKinds[] = {JobKind::Train,    JobKind::Distill,  JobKind::FineTune,
                                           JobKind::Index,    JobKind::Ingest,   JobKind::Search,
                                           JobKind::ZeroShot, JobKind::Evaluate, JobKind::Compare};

// The `liveml clip` subcommand: "train", "index", "search", "zeroshot", "eval", "distill",
// "compare", "finetune", "ingest".
std::string_view job_name(JobKind kind);
std::optional<JobKind> job_kind_named(std::string_view name);

// Jobs that write a model or an index into the run folder and can continue after SIGTERM.
bool is_resumable(JobKind kind);

struct JobSpec {
    JobKind kind = JobKind::Train;
    // Option name (without "--") → value, in the order given. Strings and numbers are passed
    // as one value; true adds the bare flag (false leaves it out); arrays repeat the option,
    // except "classes", which the CLI takes comma-separated.
    nlohmann::ordered_json options = nlohmann::ordered_json::object();

    std::string option(const std::string& name) const; // "" when absent or not a string
    // What the run reads: its dataset, gallery, watched folder or events topic ("" if none).
    std::string data_source() const;
    std::string device() const; // "auto" when not set

    nlohmann::ordered_json to_json() const;
    // Throws std::runtime_error naming what is wrong (unknown kind, options not an object).
    // Ordered, so a rerun passes the options in the order the first run did.
    static JobSpec from_json(const nlohmann::ordered_json& json);
};

// The folder inside a run folder where the job writes what it makes: "model" for jobs that
// train (a LoRA fine-tune: base + adapter merged there at the end), "index" for Index and
// Ingest, empty for jobs that only report.
std::filesystem::path output_path(JobKind kind, const std::filesystem::path& run_dir);

// Where an Ingest run that watches a folder writes thumbnails and sidecars (the result
// events' keys are relative to it).
std::filesystem::path thumbnails_path(const std::filesystem::path& run_dir);

// Where a LoRA fine-tune writes its adapter (PEFT layout) and checkpoints.
std::filesystem::path adapter_path(const std::filesystem::path& run_dir);

// Arguments after the `liveml` program: clip <job> <options> [--out|--index DIR] [--resume]
// --json; an Ingest that watches a folder also gets --out-dir <run>/thumbnails, a LoRA
// fine-tune --out <run>/adapter --merged-out <run>/model. `resume` is
// only honoured by resumable jobs (Index and Ingest need no flag: a rerun embeds only what
// it had not reached).
std::vector<std::string> job_arguments(const JobSpec& spec, const std::filesystem::path& run_dir,
                                       bool resume = false);

} // namespace liveml::jobs
