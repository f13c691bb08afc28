// `liveml fit`: trains the online learner on a file of labelled digits, one partial_fit per
// record in file order (exactly what the streaming trainer does per Kafka message), reading
// the file as a stream in constant memory, and writes the model file atomically.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <numeric>

#include "commands.hpp"
#include "common/file_bytes.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "job_reporter.hpp"
#include "json_output.hpp"
#include "learner_flags.hpp"
#include "online/model_file.hpp"
#include "online/sgd_classifier.hpp"
#include "training_file.hpp"

namespace liveml::cli {
namespace {

struct FitOptions {
    std::string input;
    std::string out;
    LearnerFlags learner;
    int passes = 1;
    bool skip_invalid = false;
    bool json = false;
};

struct FitResult {
    RecordFormat format = RecordFormat::DigitsCsv;
    std::uint64_t records = 0; // valid records per pass
    std::uint64_t invalid = 0; // invalid records per pass (skipped)
    std::uint64_t samples_seen = 0;
    std::uint64_t correct_before_training = 0; // prequential: predict, then learn
};

// Invalid records reported one by one; beyond this many only a count follows.
constexpr std::uint64_t kMaxReportedInvalid = 10;

// trained_at as UTC ISO 8601. SOURCE_DATE_EPOCH (the reproducible-builds convention) pins
// it, so two fits of the same data can produce byte-identical model files.
std::string trained_at() {
    std::time_t when = std::time(nullptr);
    if (const char* pinned = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long value = std::strtoll(pinned, &end, 10);
        if (end == pinned || *end != '\0' || value < 0)
            throw std::runtime_error("SOURCE_DATE_EPOCH must be a non-negative integer, got \"" +
                                     std::string(pinned) + "\"");
        when = static_cast<std::time_t>(value);
    }
    std::tm utc{};
    gmtime_r(&when, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Applies the invalid-record policy to one invalid record of the first pass: without
// --skip-invalid it ends the fit before any model is written; with it, it is reported (the
// first few) and left out.
void on_invalid(const FitOptions& opts, JobReporter& reporter, const InvalidRecord& invalid,
                std::uint64_t count) {
    const std::string where = opts.input + ":" + std::to_string(invalid.line);
    if (!opts.skip_invalid)
        throw std::runtime_error(where + ": " + invalid.reason +
                                 "; no model written (--skip-invalid trains on the valid "
                                 "records)");
    if (count > kMaxReportedInvalid) return;
    if (reporter.json())
        reporter.item("skipped", JsonObject{}
                                     .add("input", opts.input)
                                     .add("line", std::uint64_t{invalid.line})
                                     .add("reason", invalid.reason));
    else
        reporter.note("skipped " + where + ": " + invalid.reason);
}

// Streams the file `passes` times through predict + partial_fit.
FitResult train(online::SgdClassifier& model, const FitOptions& opts, JobReporter& reporter) {
    const InterruptFlag interrupt;
    FitResult result;
    digits::DigitSample sample;
    InvalidRecord invalid;
    for (int pass = 0; pass < opts.passes; ++pass) {
        TrainingFile file(opts.input);
        result.format = file.format();
        for (TrainingFile::Next next;
             (next = file.next(sample, invalid)) != TrainingFile::Next::End;) {
            if (interrupt.raised()) {
                reporter.note("interrupted after " + std::to_string(result.samples_seen) +
                              " samples; no model written");
                throw CLI::RuntimeError(kInterrupted);
            }
            if (next == TrainingFile::Next::Invalid) {
                if (pass == 0) on_invalid(opts, reporter, invalid, ++result.invalid);
                continue;
            }
            if (pass == 0) ++result.records;
            const auto x = digits::to_doubles(sample.x);
            result.correct_before_training += model.predict(x) == sample.label;
            model.partial_fit(x, sample.label);
            ++result.samples_seen;
        }
    }
    if (result.invalid > kMaxReportedInvalid && !reporter.json())
        reporter.note("… and " + std::to_string(result.invalid - kMaxReportedInvalid) +
                      " more invalid record(s) skipped");
    if (result.records == 0)
        throw std::runtime_error(opts.input + " holds no valid records; nothing trained");
    return result;
}

void run_fit(const FitOptions& opts) {
    JobReporter reporter(opts.json, "liveml fit");
    run_job(reporter, [&] {
        const auto started = std::chrono::steady_clock::now();
        const std::string when = trained_at(); // a bad SOURCE_DATE_EPOCH fails before training
        std::vector<int> classes(10);
        std::iota(classes.begin(), classes.end(), 0);
        online::SgdClassifier model(opts.learner.params(), classes, digits::kFeatures);
        const FitResult result = train(model, opts, reporter);

        const std::map<std::string, std::string> metadata{
            {"source", std::filesystem::absolute(opts.input).lexically_normal().string()},
            {"source_format", std::string(to_string(result.format))},
            {"records", std::to_string(result.records)},
            {"skipped_invalid", std::to_string(result.invalid)},
            {"passes", std::to_string(opts.passes)},
            {"trained_at", when},
            {"trainer", "liveml fit " LIVEML_VERSION},
        };
        write_file_atomic(opts.out, online::serialize_model(model, metadata));

        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double accuracy = static_cast<double>(result.correct_before_training) /
                                static_cast<double>(result.samples_seen);
        if (opts.json) {
            reporter.result(JsonObject{}
                                .add("model", opts.out)
                                .add("input", opts.input)
                                .add("format", to_string(result.format))
                                .add("records", result.records)
                                .add("skipped_invalid", result.invalid)
                                .add("passes", opts.passes)
                                .add("samples_seen", model.samples_seen())
                                .add("prequential_accuracy", accuracy)
                                .add("seconds", seconds));
        } else {
            std::cout << "fit " << opts.out << ": " << result.records << " records × "
                      << opts.passes << " pass(es) from " << opts.input << " ("
                      << to_string(result.format) << ", " << result.invalid
                      << " invalid skipped), samples_seen " << model.samples_seen()
                      << ", prequential accuracy " << std::round(accuracy * 10000) / 100 << "%, "
                      << std::round(seconds * 1000) / 1000 << " s\n";
        }
        if (result.invalid > 0) throw CLI::RuntimeError(kPartial);
    });
}

} // namespace

void register_fit(CLI::App& root) {
    auto opts = std::make_shared<FitOptions>();
    CLI::App* cmd = root.add_subcommand(
        "fit", "Train the online SGD classifier on labelled digits, one partial_fit per record");
    cmd->add_option("--input,-i", opts->input,
                    "Digits CSV (.csv or .csv.gz; 64 pixels 0..16 then the label per row) or "
                    "JSON lines {\"ts\":\"YYYY-MM-DD HH:MM:SS\",\"x\":[64 ints],\"actual_y\":d}; "
                    "told apart by content, read as a stream (any size)")
        ->required();
    cmd->add_option("--out,-o", opts->out, "Model file to write (atomically replaced)")->required();
    opts->learner.add_to(*cmd);
    cmd->add_option("--passes", opts->passes, "Passes over the file, each in file order")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    cmd->add_flag("--skip-invalid", opts->skip_invalid,
                  "Skip invalid JSON-lines records (reported, exit code 3) instead of failing "
                  "without writing a model");
    add_json_flag(*cmd, opts->json);
    cmd->footer(help_footer(
        "  liveml fit --input resources/data/digits.csv.gz --out digits.lvm\n"
        "  liveml fit -i records.jsonl -o m.lvm --loss hinge --penalty l2 --alpha 1e-4 "
        "--passes 3\n"
        "  liveml fit -i records.jsonl -o m.lvm --skip-invalid --json\n"
        "Set SOURCE_DATE_EPOCH to pin the trained_at metadata (byte-identical reruns).\n"));
    cmd->callback([opts] { run_fit(*opts); });
}

} // namespace liveml::cli
