#include "clip_job.hpp"

#include "commands.hpp"
#include "json_output.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <stdexcept>

namespace liveml::cli {
namespace {

// The result's members without the braces, to splice after "event".
std::string members(const JsonObject& fields) {
    const auto body = fields.str();
    return body.size() > 2 ? body.substr(1, body.size() - 2) : std::string{};
}

void emit_line(const std::string& line) {
    // One write per event and an immediate flush: the studio reads the pipe line by line.
    std::cout << line << '\n' << std::flush;
}

} // namespace

void ClipJobFlags::add_to(CLI::App& command) {
    command.add_option("--device", runtime.device, "auto, cpu, cuda or cuda:N")
        ->capture_default_str();
    command.add_option("--threads", runtime.threads, "CPU threads for LibTorch")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    command.add_flag("--json", json, "JSON lines on stdout (progress, then result or error)");
}

void JobReporter::progress(std::string_view phase, std::int64_t step, std::int64_t total,
                           double loss, double eta_s) {
    if (!json_) {
        std::cerr << phase << ' ' << step << '/' << total;
        if (loss >= 0) std::cerr << " loss " << loss;
        if (eta_s >= 0) std::cerr << " eta " << static_cast<long>(eta_s) << " s";
        std::cerr << '\n';
        return;
    }
    JsonObject event;
    event.add("event", "progress").add("phase", phase).add("step", step).add("total", total);
    if (loss >= 0) event.add("loss", loss);
    if (eta_s >= 0) event.add("eta_s", eta_s);
    emit_line(event.str());
}

void JobReporter::result(const JsonObject& fields) {
    if (!json_) {
        emit_line(fields.str());
        return;
    }
    const auto rest = members(fields);
    emit_line("{\"event\":\"result\"" + (rest.empty() ? "" : "," + rest) + "}");
}

void JobReporter::item(std::string_view event, const JsonObject& fields) {
    const auto rest = members(fields);
    std::string line = "{\"event\":";
    append_json_string(line, event);
    emit_line(line + (rest.empty() ? "" : "," + rest) + "}");
}

void JobReporter::skipped(std::string_view image, std::string_view reason) {
    if (!json_) {
        std::cerr << "skipped " << (image.empty() ? "" : std::string(image) + ": ") << reason
                  << '\n';
        return;
    }
    JsonObject fields;
    if (!image.empty()) fields.add("image", image);
    item("skipped", fields.add("reason", reason));
}

void JobReporter::error(std::string_view message) {
    if (!json_) {
        std::cerr << "liveml clip: " << message << '\n';
        return;
    }
    JsonObject event;
    event.add("event", "error").add("message", message);
    emit_line(event.str());
}

void run_clip_job(const ClipJobFlags& flags, const std::function<void(JobReporter&)>& work) {
    JobReporter reporter(flags.json);
    try {
        work(reporter);
    } catch (const CLI::RuntimeError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        reporter.error(e.what());
        throw CLI::RuntimeError(kUsage);
    } catch (const std::exception& e) {
        reporter.error(e.what());
        throw CLI::RuntimeError(kFailure);
    }
}

} // namespace liveml::cli
