// `liveml fit`: trains an online learner (--learner, default the scikit-learn-exact SGD) on a
// file of labelled digits, one partial_fit per record in file order (exactly what the
// streaming trainer does per Kafka message), reading the file as a stream in constant memory,
// or the canvas preset (--preset canvas), and writes the model file atomically.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
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
#include "learner_choice.hpp"
#include "learner_flags.hpp"
#include "online/model_file.hpp"
#include "online/sgd_classifier.hpp"
#include "training_file.hpp"

namespace liveml::cli {
namespace {

struct FitOptions {
    std::string input;
    std::string out;
    LearnerFlags sgd;
    LearnerChoice learner;
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

// The preset trains its own seeded passes over distorted copies, so it needs the valid records
// in memory (the bundled digits are 1,797; a preset is not meant for a stream-sized file).
std::vector<digits::DigitSample> read_valid_samples(const FitOptions& opts, JobReporter& reporter,
                                                    FitResult& result) {
    std::vector<digits::DigitSample> samples;
    digits::DigitSample sample;
    InvalidRecord invalid;
    TrainingFile file(opts.input);
    result.format = file.format();
    for (TrainingFile::Next next; (next = file.next(sample, invalid)) != TrainingFile::Next::End;) {
        if (next == TrainingFile::Next::Invalid) {
            on_invalid(opts, reporter, invalid, ++result.invalid);
            continue;
        }
        ++result.records;
        samples.push_back(sample);
    }
    if (samples.empty())
        throw std::runtime_error(opts.input + " holds no valid records; nothing trained");
    return samples;
}

// Streams the file `passes` times through predict + partial_fit.
FitResult train(online::OnlineClassifier& model, const FitOptions& opts, JobReporter& reporter) {
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
        // A preset trains its own recipe; its accuracy is then the model's on the records after
        // training, not a prequential one.
        const bool preset = !opts.learner.preset.empty();
        std::unique_ptr<online::OnlineClassifier> model;
        FitResult result;
        if (preset) {
            const auto samples = read_valid_samples(opts, reporter, result);
            model = opts.learner.train_preset(samples);
            for (const auto& sample : samples)
                result.correct_before_training +=
                    model->predict(digits::to_doubles(sample.x)) == sample.label;
            result.samples_seen = samples.size();
        } else {
            model = opts.learner.make(opts.sgd.params());
            result = train(*model, opts, reporter);
        }
        const char* accuracy_name = preset ? "training_accuracy" : "prequential_accuracy";

        std::map<std::string, std::string> metadata{
            {"source", std::filesystem::absolute(opts.input).lexically_normal().string()},
            {"source_format", std::string(to_string(result.format))},
            {"records", std::to_string(result.records)},
            {"skipped_invalid", std::to_string(result.invalid)},
            {"trained_at", when},
            {"trainer", "liveml fit " LIVEML_VERSION},
            {"learner", std::string(model->kind())},
        };
        if (preset)
            metadata.emplace("preset", opts.learner.preset);
        else
            metadata.emplace("passes", std::to_string(opts.passes));
        write_file_atomic(opts.out, online::serialize_model(*model, metadata));

        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double accuracy = static_cast<double>(result.correct_before_training) /
                                static_cast<double>(result.samples_seen);
        if (opts.json) {
            JsonObject summary;
            summary.add("model", opts.out)
                .add("input", opts.input)
                .add("format", to_string(result.format))
                .add("records", result.records)
                .add("skipped_invalid", result.invalid)
                .add("learner", std::string(model->kind()));
            if (preset)
                summary.add("preset", opts.learner.preset);
            else
                summary.add("passes", opts.passes);
            reporter.result(summary.add("samples_seen", model->samples_seen())
                                .add(accuracy_name, accuracy)
                                .add("seconds", seconds));
        } else {
            std::cout << "fit " << opts.out << ": " << result.records << " records"
                      << (preset ? std::string() : " × " + std::to_string(opts.passes) + " pass(es)")
                      << " from " << opts.input << " (" << to_string(result.format) << ", "
                      << result.invalid << " invalid skipped), " << model->kind()
                      << (preset ? " (preset " + opts.learner.preset + ")" : std::string())
                      << ", samples_seen " << model->samples_seen() << ", "
                      << (preset ? "training" : "prequential") << " accuracy "
                      << std::round(accuracy * 10000) / 100 << "%, "
                      << std::round(seconds * 1000) / 1000 << " s\n";
        }
        if (result.invalid > 0) throw CLI::RuntimeError(kPartial);
    });
}

} // namespace

void register_fit(CLI::App& root) {
    auto opts = std::make_shared<FitOptions>();
    CLI::App* cmd = root.add_subcommand(
        "fit", "Train an online learner on labelled digits, one partial_fit per record");
    cmd->add_option("--input,-i", opts->input,
                    "Digits CSV (.csv or .csv.gz; 64 pixels 0..16 then the label per row) or "
                    "JSON lines {\"ts\":\"YYYY-MM-DD HH:MM:SS\",\"x\":[64 ints],\"actual_y\":d}; "
                    "told apart by content, read as a stream (any size)")
        ->required();
    cmd->add_option("--out,-o", opts->out, "Model file to write (atomically replaced)")->required();
    opts->sgd.add_to(*cmd);
    cmd->add_option("--passes", opts->passes, "Passes over the file, each in file order")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    opts->learner.add_to(*cmd, {"--loss", "--penalty", "--alpha"}, {"--passes"});
    cmd->add_flag("--skip-invalid", opts->skip_invalid,
                  "Skip invalid JSON-lines records (reported, exit code 3) instead of failing "
                  "without writing a model");
    add_json_flag(*cmd, opts->json);
    cmd->footer(help_footer(
        "  liveml fit --input resources/data/digits.csv.gz --out digits.lvm\n"
        "  liveml fit -i records.jsonl -o m.lvm --loss hinge --penalty l2 --alpha 1e-4 "
        "--passes 3\n"
        "  liveml fit -i records.jsonl -o m.lvm --skip-invalid --json\n"
        "  liveml fit -i digits.csv.gz -o soft.lvm --learner softmax_regression --passes 5\n"
        "  liveml fit --preset canvas -i resources/data/digits.csv.gz -o canvas.lvm\n"
        "Set SOURCE_DATE_EPOCH to pin the trained_at metadata (byte-identical reruns).\n"));
    cmd->callback([opts] { run_fit(*opts); });
}

} // namespace liveml::cli
