#include "job_reporter.hpp"

#include "common/log.hpp"
#include "exit_codes.hpp"
#include "json_output.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <mutex>
#include <sstream>

namespace liveml::cli {
namespace {

// An object's members without the braces, to splice after "event".
std::string members(std::string_view object_json) {
    const auto open = object_json.find('{');
    const auto close = object_json.rfind('}');
    return close > open + 1 ? std::string(object_json.substr(open + 1, close - open - 1))
                            : std::string{};
}

// Pipelined jobs report from more than one thread: each line is written whole, under a lock.
std::mutex& output_lock() {
    static std::mutex lock;
    return lock;
}

void write_line(std::ostream& out, std::string line) {
    line += '\n';
    const std::lock_guard guard(output_lock());
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    out.flush();
}

void emit_line(const std::string& line) {
    // One write per event and an immediate flush: the studio reads the pipe line by line.
    write_line(std::cout, line);
}

} // namespace

void add_json_flag(CLI::App& command, bool& json) {
    command.add_flag("--json", json,
                     "JSON lines on stdout: progress and item events, then one result or error "
                     "event (docs/job-protocol.md)");
}

void JobReporter::progress(std::string_view phase, std::int64_t step, std::int64_t total,
                           double loss, double eta_s,
                           std::span<const std::pair<std::string, double>> metrics) {
    if (!json_) {
        std::ostringstream text;
        text << phase << ' ' << step << '/' << total;
        if (loss >= 0) text << " loss " << loss;
        for (const auto& [name, value] : metrics)
            text << ' ' << name << ' ' << value;
        if (eta_s >= 0) text << " eta " << static_cast<long>(eta_s) << " s";
        write_line(std::cerr, text.str());
        return;
    }
    JsonObject event;
    event.add("event", "progress").add("phase", phase).add("step", step).add("total", total);
    if (loss >= 0) event.add("loss", loss);
    if (eta_s >= 0) event.add("eta_s", eta_s);
    if (!metrics.empty()) {
        JsonObject values;
        for (const auto& [name, value] : metrics)
            values.add(name, value);
        event.add_raw("metrics", values.str());
    }
    emit_line(event.str());
}

void JobReporter::result(const JsonObject& fields) {
    result_object(fields.str());
}

void JobReporter::result_object(std::string_view object_json) {
    if (json_)
        item_object("result", object_json);
    else
        emit_line(std::string(object_json));
}

void JobReporter::item(std::string_view event, const JsonObject& fields) {
    item_object(event, fields.str());
}

void JobReporter::item_object(std::string_view event, std::string_view object_json) {
    const auto rest = members(object_json);
    std::string line = "{\"event\":";
    append_json_string(line, event);
    emit_line(line + (rest.empty() ? "" : "," + rest) + "}");
}

void JobReporter::skipped(std::string_view input, std::string_view reason,
                          std::string_view input_key) {
    if (!json_) {
        write_line(std::cerr, command_ + ": skipped " +
                                  (input.empty() ? "" : std::string(input) + ": ") +
                                  std::string(reason));
        return;
    }
    JsonObject fields;
    if (!input.empty()) fields.add(input_key, input);
    item("skipped", fields.add("reason", reason));
}

void JobReporter::error(std::string_view message) {
    if (!json_) {
        write_line(std::cerr, command_ + ": " + std::string(message));
        return;
    }
    JsonObject event;
    event.add("event", "error").add("message", message);
    emit_line(event.str());
}

void JobReporter::note(std::string_view message) {
    write_line(std::cerr, command_ + ": " + std::string(message));
}

void run_job(JobReporter& reporter, const std::function<void()>& work) {
    const ScopedLogSink logs([&reporter](LogLevel level, std::string_view message) {
        reporter.note((level == LogLevel::Warning ? "warning: " : "") + std::string(message));
    });
    try {
        work();
    } catch (const CLI::RuntimeError&) {
        throw;
    } catch (const UsageError& e) {
        reporter.error(e.what());
        throw CLI::RuntimeError(kUsage);
    } catch (const std::exception& e) {
        reporter.error(e.what());
        throw CLI::RuntimeError(kFailure);
    }
}

} // namespace liveml::cli
