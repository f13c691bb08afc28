// `liveml fit`: trains an online learner (--learner, default the scikit-learn-exact SGD) on a
// file of labelled digits, one partial_fit per record in file order (exactly what the
// streaming trainer does per Kafka message), or the canvas preset (--preset canvas), and
// writes the model file atomically.
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
#include "json_output.hpp"
#include "learner_choice.hpp"
#include "online/model_file.hpp"
#include "online/sgd_classifier.hpp"
#include "record_reader.hpp"

namespace liveml::cli {
namespace {

struct FitOptions {
    std::string input;
    std::string out;
    std::string loss = "log";
    std::string penalty = "l1";
    double alpha = 0.01;
    LearnerChoice learner;
    int passes = 1;
    bool skip_invalid = false;
    bool json = false;
};

struct FitResult {
    std::uint64_t samples_seen = 0;
    std::uint64_t correct_before_training = 0; // prequential: predict, then learn
};

// Invalid records reported one per line on stderr; beyond this many only a count follows.
constexpr std::size_t kMaxReportedInvalid = 10;

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

// Applies the invalid-record policy: by default any invalid record fails the fit before a
// single sample is learned; with --skip-invalid they are reported and left out.
void report_invalid(const FitOptions& opts, const TrainingRecords& records) {
    if (records.invalid.empty()) return;
    const auto& first = records.invalid.front();
    if (!opts.skip_invalid) {
        std::cerr << "liveml fit: " << opts.input << ":" << first.line << ": " << first.reason
                  << "\nliveml fit: " << records.invalid.size()
                  << " invalid record(s); nothing trained (--skip-invalid trains on the valid "
                     "ones)\n";
        throw CLI::RuntimeError(kFailure);
    }
    for (std::size_t i = 0; i < records.invalid.size() && i < kMaxReportedInvalid; ++i)
        std::cerr << "liveml fit: skipped " << opts.input << ":" << records.invalid[i].line << ": "
                  << records.invalid[i].reason << '\n';
    if (records.invalid.size() > kMaxReportedInvalid)
        std::cerr << "liveml fit: … and " << records.invalid.size() - kMaxReportedInvalid
                  << " more invalid record(s) skipped\n";
}

FitResult train(online::OnlineClassifier& model, const std::vector<digits::DigitSample>& samples,
                int passes) {
    const InterruptFlag interrupt;
    FitResult result;
    for (int pass = 0; pass < passes; ++pass) {
        for (const auto& sample : samples) {
            if (interrupt.raised()) {
                std::cerr << "liveml fit: interrupted after " << result.samples_seen
                          << " samples; no model written\n";
                throw CLI::RuntimeError(kInterrupted);
            }
            const auto x = digits::to_doubles(sample.x);
            result.correct_before_training += model.predict(x) == sample.label;
            model.partial_fit(x, sample.label);
            ++result.samples_seen;
        }
    }
    return result;
}

void run_fit(const FitOptions& opts) {
    const auto started = std::chrono::steady_clock::now();
    online::SgdParams params;
    params.loss = online::parse_loss(opts.loss);
    params.penalty = online::parse_penalty(opts.penalty);
    params.alpha = opts.alpha;

    const TrainingRecords records = read_training_records(opts.input);
    report_invalid(opts, records);
    if (records.samples.empty()) {
        std::cerr << "liveml fit: " << opts.input << " holds no valid records; nothing trained\n";
        throw CLI::RuntimeError(kFailure);
    }

    // A preset trains its own recipe; its accuracy is then the model's on the records after
    // training, not a prequential one.
    const bool preset = !opts.learner.preset.empty();
    std::unique_ptr<online::OnlineClassifier> model;
    FitResult result;
    if (preset) {
        model = opts.learner.train_preset(records.samples);
        for (const auto& sample : records.samples)
            result.correct_before_training +=
                model->predict(digits::to_doubles(sample.x)) == sample.label;
        result.samples_seen = records.samples.size();
    } else {
        model = opts.learner.make(params);
        result = train(*model, records.samples, opts.passes);
    }
    const char* accuracy_name = preset ? "training_accuracy" : "prequential_accuracy";

    std::map<std::string, std::string> metadata{
        {"source", std::filesystem::absolute(opts.input).lexically_normal().string()},
        {"source_format", std::string(to_string(records.format))},
        {"records", std::to_string(records.samples.size())},
        {"skipped_invalid", std::to_string(records.invalid.size())},
        {"trained_at", trained_at()},
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
            .add("format", to_string(records.format))
            .add("records", std::uint64_t{records.samples.size()})
            .add("skipped_invalid", std::uint64_t{records.invalid.size()})
            .add("learner", std::string(model->kind()));
        if (preset)
            summary.add("preset", opts.learner.preset);
        else
            summary.add("passes", opts.passes);
        std::cout << summary.add("samples_seen", model->samples_seen())
                         .add(accuracy_name, accuracy)
                         .add("seconds", seconds)
                         .str()
                  << '\n';
    } else {
        std::cout << "fit " << opts.out << ": " << records.samples.size() << " records"
                  << (preset ? std::string() : " × " + std::to_string(opts.passes) + " pass(es)")
                  << " from " << opts.input << " (" << to_string(records.format) << ", "
                  << records.invalid.size() << " invalid skipped), " << model->kind()
                  << (preset ? " (preset " + opts.learner.preset + ")" : std::string())
                  << ", samples_seen " << model->samples_seen() << ", "
                  << (preset ? "training" : "prequential") << " accuracy "
                  << std::round(accuracy * 10000) / 100 << "%, "
                  << std::round(seconds * 1000) / 1000 << " s\n";
    }
    if (!records.invalid.empty()) throw CLI::RuntimeError(kPartial);
}

} // namespace

void register_fit(CLI::App& root) {
    auto opts = std::make_shared<FitOptions>();
    CLI::App* cmd = root.add_subcommand(
        "fit", "Train an online learner on labelled digits, one partial_fit per record");
    cmd->add_option("--input,-i", opts->input,
                    "Digits CSV (.csv or .csv.gz; 64 pixels 0..16 then the label per row) or "
                    "JSON lines {\"ts\":\"YYYY-MM-DD HH:MM:SS\",\"x\":[64 ints],\"actual_y\":d}; "
                    "told apart by content")
        ->required();
    cmd->add_option("--out,-o", opts->out, "Model file to write (atomically replaced)")->required();
    cmd->add_option("--loss", opts->loss, "Loss function")
        ->check(CLI::IsMember({"log", "log_loss", "hinge"}))
        ->capture_default_str();
    cmd->add_option("--penalty", opts->penalty, "Regularisation")
        ->check(CLI::IsMember({"l1", "l2", "none"}))
        ->capture_default_str();
    cmd->add_option("--alpha", opts->alpha, "Regularisation strength (finite, > 0)")
        ->check(CLI::Validator(
            [](std::string& text) {
                const double a = std::strtod(text.c_str(), nullptr);
                return std::isfinite(a) && a > 0 ? std::string{} : "must be finite and > 0";
            },
            "ALPHA>0"))
        ->capture_default_str();
    cmd->add_option("--passes", opts->passes, "Passes over the file, each in file order")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    opts->learner.add_to(*cmd, {"--loss", "--penalty", "--alpha"}, {"--passes"});
    cmd->add_flag("--skip-invalid", opts->skip_invalid,
                  "Skip invalid JSON-lines records (reported on stderr, exit code 3) instead "
                  "of failing without training");
    cmd->add_flag("--json", opts->json, "Print the summary as one JSON object");
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
