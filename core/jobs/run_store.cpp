#include "jobs/run_store.hpp"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace liveml::jobs {

namespace fs = std::filesystem;

namespace {

constexpr const char* kParams = "params.json";
constexpr const char* kRun = "run.json";
constexpr const char* kEvents = "events.jsonl";
constexpr const char* kResult = "result.json";

void write_file(const fs::path& path, const std::string& text) {
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) throw std::runtime_error("cannot write " + temporary.string());
    }
    fs::rename(temporary, path);
}

template <typename Json = nlohmann::json> Json read_json(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    Json json = Json::parse(in, nullptr, false);
    if (json.is_discarded()) throw std::runtime_error(path.string() + " is not valid JSON");
    return json;
}

std::string utc_stamp(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm);
    return text;
}

} // namespace

RunStore::RunStore(fs::path root) : root_(std::move(root)) {}

RunRecord RunStore::create(const JobSpec& spec, std::int64_t now_ms) {
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec) throw std::runtime_error("cannot create " + root_.string() + ": " + ec.message());
    const std::string base = utc_stamp(now_ms) + "-" + std::string(job_name(spec.kind));
    std::string id = base;
    // create_directory is the atomic claim: two studios never share a folder.
    for (int n = 2; !fs::create_directory(root_ / id, ec); ++n) {
        if (ec)
            throw std::runtime_error("cannot create " + (root_ / id).string() + ": " +
                                     ec.message());
        id = base + "-" + std::to_string(n);
    }
    RunRecord record;
    record.id = id;
    record.spec = spec;
    record.created_ms = now_ms;
    record.device = spec.device();
    write_file(run_dir(id) / kParams, spec.to_json().dump(2) + "\n");
    save(record);
    return record;
}

void RunStore::save(const RunRecord& record) const {
    write_file(run_dir(record.id) / kRun, record.to_json().dump(2) + "\n");
}

void RunStore::append_event(const std::string& id, std::string_view line) const {
    std::ofstream out(run_dir(id) / kEvents, std::ios::binary | std::ios::app);
    out << line << '\n';
}

void RunStore::save_result(const std::string& id, const nlohmann::json& result) const {
    write_file(run_dir(id) / kResult, result.dump(2) + "\n");
}

std::optional<nlohmann::json> RunStore::result(const std::string& id) const {
    const fs::path path = run_dir(id) / kResult;
    if (!fs::exists(path)) return std::nullopt;
    try {
        return read_json(path);
    } catch (const std::runtime_error&) {
        return std::nullopt;
    }
}

std::vector<std::string> RunStore::event_lines(const std::string& id) const {
    std::ifstream in(run_dir(id) / kEvents, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

void RunStore::remove(const std::string& id) const {
    // An id is a folder name we made; refuse anything that could leave the root.
    if (id.empty() || id.find('/') != std::string::npos || id == "." || id == "..")
        throw std::runtime_error("not a run id: '" + id + "'");
    fs::remove_all(run_dir(id));
}

RunStore::Loaded RunStore::load() const {
    Loaded loaded;
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) return loaded;
    for (const auto& entry : fs::directory_iterator(root_, ec)) {
        if (!entry.is_directory() || !fs::exists(entry.path() / kRun)) continue;
        try {
            JobSpec spec =
                JobSpec::from_json(read_json<nlohmann::ordered_json>(entry.path() / kParams));
            RunRecord record =
                RunRecord::from_json(read_json(entry.path() / kRun), std::move(spec));
            if (record.id != entry.path().filename().string())
                throw std::runtime_error("run.json names another run ('" + record.id + "')");
            if (record.is_active()) record.status = RunStatus::Stopped;
            loaded.runs.push_back(std::move(record));
        } catch (const std::exception& e) {
            loaded.problems.push_back(entry.path().string() + ": " + e.what());
        }
    }
    std::sort(loaded.runs.begin(), loaded.runs.end(), [](const RunRecord& a, const RunRecord& b) {
        return a.created_ms != b.created_ms ? a.created_ms < b.created_ms : a.id < b.id;
    });
    return loaded;
}

} // namespace liveml::jobs
