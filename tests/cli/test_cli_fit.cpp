// `liveml fit` end to end: the real binary on real files, checked through the model it wrote.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_process.hpp"
#include "common/file_bytes.hpp"
#include "digits/canvas_preset.hpp"
#include "digits/digits_dataset.hpp"
#include "jsonl_writer.hpp"
#include "online/model_file.hpp"

namespace liveml::cli::test {
namespace {

using nlohmann::json;

const std::string kValidRecord =
    R"({"ts":"2020-01-01 01:01:01","x":[0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,0,5,8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0],"actual_y":0})";

std::string bundled_csv() {
    return digits::bundled_digits_path().string();
}

std::string slurp(const std::filesystem::path& path) {
    return read_file_bytes(path, 1u << 26);
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// kValidRecord with one field's text replaced, for invalid-record cases.
std::string record_with(const std::string& from, const std::string& to) {
    std::string r = kValidRecord;
    const auto pos = r.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return r.replace(pos, from.size(), to);
}

void expect_same_weights(const online::SgdClassifier& a, const online::SgdClassifier& b) {
    ASSERT_EQ(a.n_coef_rows(), b.n_coef_rows());
    for (std::size_t k = 0; k < a.n_coef_rows(); ++k)
        for (std::size_t j = 0; j < a.n_features(); ++j)
            ASSERT_EQ(a.coef(k)[j], b.coef(k)[j]) << "row " << k << " feature " << j;
    for (std::size_t k = 0; k < a.n_coef_rows(); ++k)
        EXPECT_EQ(a.intercept()[k], b.intercept()[k]);
    EXPECT_EQ(a.t(), b.t());
    EXPECT_EQ(a.samples_seen(), b.samples_seen());
}

TEST(CliFit, BundledCsvGivesAModelThatModelShowDescribes) {
    TempDir dir;
    const auto model = dir / "digits.lvm";
    const auto fit = run_liveml({"fit", "--input", bundled_csv(), "--out", model.string()});
    ASSERT_EQ(fit.exit_code, 0) << fit.err;
    EXPECT_NE(fit.out.find("1797 records"), std::string::npos) << fit.out;
    EXPECT_EQ(std::count(fit.out.begin(), fit.out.end(), '\n'), 1) << "one-line summary";

    const auto show = run_liveml({"model", "show", "--json", model.string()});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const json doc = json::parse(show.out);
    EXPECT_EQ(doc["learner"], "sgd_classifier");
    EXPECT_EQ(doc["loss"], "log");
    EXPECT_EQ(doc["penalty"], "l1");
    EXPECT_EQ(doc["alpha"].get<double>(), 0.01);
    EXPECT_EQ(doc["classes"], json({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(doc["n_features"], 64);
    ASSERT_EQ(doc["coef"].size(), 10u);
    for (const auto& row : doc["coef"])
        EXPECT_EQ(row.size(), 64u);
    EXPECT_EQ(doc["intercept"].size(), 10u);
    EXPECT_EQ(doc["samples_seen"], 1797);
    EXPECT_EQ(doc["t"].get<double>(), 1798.0);
    EXPECT_EQ(doc["format_version"], online::kModelFormatVersion);
    EXPECT_EQ(doc["metadata"]["records"], "1797");
    EXPECT_EQ(doc["metadata"]["passes"], "1");
    EXPECT_EQ(doc["metadata"]["source_format"], "digits-csv");
    EXPECT_EQ(doc["metadata"]["source"], std::filesystem::absolute(bundled_csv()).string());
    EXPECT_TRUE(doc["metadata"].contains("trained_at"));
    EXPECT_EQ(doc["origin"]["file"], model.string());
}

TEST(CliFit, JsonLinesAndCsvOfTheSameRecordsGiveIdenticalWeights) {
    TempDir dir;
    const auto samples = digits::load_digits_csv(bundled_csv());
    write_jsonl(dir / "digits.jsonl", samples);
    for (const std::string penalty : {"l1", "l2"}) {
        SCOPED_TRACE(penalty);
        const auto csv_model = dir / ("csv-" + penalty + ".lvm");
        const auto jsonl_model = dir / ("jsonl-" + penalty + ".lvm");
        for (const auto& [input, out] : {std::pair{std::filesystem::path(bundled_csv()), csv_model},
                                         std::pair{dir / "digits.jsonl", jsonl_model}}) {
            const auto fit = run_liveml({"fit", "-i", input.string(), "-o", out.string(),
                                         "--penalty", penalty, "--passes", "2"});
            ASSERT_EQ(fit.exit_code, 0) << fit.err;
        }
        const auto a = online::load_model_file(csv_model);
        const auto b = online::load_model_file(jsonl_model);
        EXPECT_EQ(a.model.samples_seen(), 2 * samples.size());
        expect_same_weights(a.model, b.model);
        EXPECT_EQ(b.metadata.at("source_format"), "json-lines");
    }
}

TEST(CliFit, IsDeterministicWithPinnedTrainedAt) {
    TempDir dir;
    const EnvVars pinned{{"SOURCE_DATE_EPOCH", "1700000000"}};
    for (const char* name : {"a.lvm", "b.lvm"}) {
        const auto fit =
            run_liveml({"fit", "-i", bundled_csv(), "-o", (dir / name).string()}, pinned);
        ASSERT_EQ(fit.exit_code, 0) << fit.err;
    }
    EXPECT_EQ(slurp(dir / "a.lvm"), slurp(dir / "b.lvm"));
    EXPECT_EQ(online::load_model_file(dir / "a.lvm").metadata.at("trained_at"),
              "2023-11-14T22:13:20Z");

    const auto bad = run_liveml({"fit", "-i", bundled_csv(), "-o", (dir / "c.lvm").string()},
                                {{"SOURCE_DATE_EPOCH", "yesterday"}});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("SOURCE_DATE_EPOCH"), std::string::npos) << bad.err;
}

TEST(CliFit, InvalidRecordFailsTheFitNamingItsLine) {
    TempDir dir;
    const auto input = dir / "records.jsonl";
    const auto model = dir / "m.lvm";
    write_text(input, kValidRecord + "\n" + kValidRecord + "\n" +
                          record_with(",0,0,0],\"actual_y\"", ",0,0],\"actual_y\"") + "\n" +
                          kValidRecord + "\n");
    const auto fit = run_liveml({"fit", "-i", input.string(), "-o", model.string()});
    EXPECT_EQ(fit.exit_code, 1);
    EXPECT_NE(fit.err.find("records.jsonl:3: \"x\" must hold exactly 64 values"), std::string::npos)
        << fit.err;
    EXPECT_FALSE(std::filesystem::exists(model)) << "nothing may be trained or written";
}

TEST(CliFit, SkipInvalidReportsEachBadRecordAndTrainsOnTheRest) {
    TempDir dir;
    const auto input = dir / "records.jsonl";
    const auto model = dir / "m.lvm";
    // Each bad line and a fragment of the reason the CLI must give for it.
    const std::vector<std::pair<std::string, std::string>> bad{
        {record_with("2020-01-01 01:01:01", "2020-02-30 01:01:01"), "\"ts\" must be a string"},
        {record_with(R"("ts":"2020-01-01 01:01:01",)", ""), "missing \"ts\""},
        {record_with("[0,0,5,", "[0,0,17,"), "\"x\" values must be integers 0..16 (x[2])"},
        {record_with("[0,0,5,", "[0,0,5.5,"), "\"x\" values must be integers (not floats"},
        {record_with("[0,0,5,", "[0,-1,5,"), "\"x\" values must be integers 0..16 (x[1])"},
        {record_with("\"actual_y\":0", "\"actual_y\":\"0\""), "\"actual_y\" must be an integer"},
        {record_with("\"actual_y\":0", "\"actual_y\":10"), "\"actual_y\" must be an integer"},
        {record_with("\"actual_y\":0", "\"actual_y\":0,\"actual_y\":1"), "duplicate key"},
        {"{\"ts\":", "not valid JSON"},
        {"[1,2,3]", "record is not a JSON object"},
    };
    std::string text = kValidRecord + "\n\n"; // a blank line is not a record
    for (const auto& [line, reason] : bad)
        text += line + "\n";
    text += kValidRecord + "\r\n";
    write_text(input, text);

    const auto fit =
        run_liveml({"fit", "-i", input.string(), "-o", model.string(), "--skip-invalid"});
    EXPECT_EQ(fit.exit_code, 3) << "partial: some records were rejected";
    for (std::size_t i = 0; i < bad.size(); ++i) {
        const std::string expected =
            "records.jsonl:" + std::to_string(i + 3) + ": " + bad[i].second;
        EXPECT_NE(fit.err.find(expected), std::string::npos) << expected << "\n" << fit.err;
    }

    // With --json the same records are "skipped" events, then the "result" event.
    const auto events =
        run_liveml({"fit", "-i", input.string(), "-o", model.string(), "--skip-invalid", "--json"});
    EXPECT_EQ(events.exit_code, 3);
    std::vector<json> lines;
    std::istringstream out(events.out);
    for (std::string line; std::getline(out, line);)
        lines.push_back(json::parse(line));
    ASSERT_EQ(lines.size(), bad.size() + 1) << events.out;
    for (std::size_t i = 0; i < bad.size(); ++i) {
        EXPECT_EQ(lines[i]["event"], "skipped");
        EXPECT_EQ(lines[i]["line"], i + 3);
        EXPECT_NE(lines[i]["reason"].get<std::string>().find(bad[i].second), std::string::npos)
            << lines[i];
    }
    const json& summary = lines.back();
    EXPECT_EQ(summary["event"], "result");
    EXPECT_EQ(summary["records"], 2);
    EXPECT_EQ(summary["skipped_invalid"], bad.size());
    EXPECT_EQ(summary["samples_seen"], 2);
    EXPECT_EQ(online::load_model_file(model).model.samples_seen(), 2u);
}

TEST(CliFit, StreamsItsInputInConstantMemory) {
    const TempDir dir;
    const auto input = dir / "large.jsonl";
    {
        // ~63 MB of valid records: reading the file whole would need at least that much.
        std::ofstream out(input, std::ios::binary);
        for (int i = 0; i < 330000; ++i)
            out << kValidRecord << '\n';
    }
    ASSERT_GT(std::filesystem::file_size(input), 60'000'000u);
    const auto fit =
        run_liveml({"fit", "-i", input.string(), "-o", (dir / "m.lvm").string(), "--json"});
    ASSERT_EQ(fit.exit_code, 0) << fit.err;
    EXPECT_EQ(json::parse(fit.out)["samples_seen"], 330000);
    EXPECT_LT(fit.max_rss_kb, 30 * 1024) << "peak RSS in KiB";
}

TEST(CliFit, HyperParametersReachTheModel) {
    TempDir dir;
    const auto model = dir / "hinge.lvm";
    const auto fit =
        run_liveml({"fit", "-i", bundled_csv(), "-o", model.string(), "--loss", "hinge",
                    "--penalty", "none", "--alpha", "1e-4", "--passes", "3", "--json"});
    ASSERT_EQ(fit.exit_code, 0) << fit.err;
    const json summary = json::parse(fit.out);
    EXPECT_EQ(summary["samples_seen"], 3 * 1797);
    EXPECT_GT(summary["prequential_accuracy"].get<double>(), 0.8);
    EXPECT_LE(summary["prequential_accuracy"].get<double>(), 1.0);

    const auto saved = online::load_model_file(model);
    EXPECT_EQ(saved.model.params().loss, online::Loss::Hinge);
    EXPECT_EQ(saved.model.params().penalty, online::Penalty::None);
    EXPECT_EQ(saved.model.params().alpha, 1e-4);
    EXPECT_EQ(saved.metadata.at("passes"), "3");
}

TEST(CliFit, SigintStopsCleanlyWithoutWritingAModel) {
    TempDir dir;
    const auto model = dir / "m.lvm";
    // A million passes would run for hours: only the interrupt can end this fit in time.
    const auto fit = run_process(
        LIVEML_CLI_PATH, {"fit", "-i", bundled_csv(), "-o", model.string(), "--passes", "1000000"},
        {}, std::chrono::seconds(60), std::chrono::milliseconds(1500));
    EXPECT_FALSE(fit.timed_out);
    EXPECT_EQ(fit.signal, 0) << "the signal must be handled, not kill the process";
    EXPECT_EQ(fit.exit_code, 130) << fit.err;
    EXPECT_NE(fit.err.find("interrupted"), std::string::npos) << fit.err;
    EXPECT_FALSE(std::filesystem::exists(model));
}

TEST(CliFit, UnreadableOrUnknownInputFails) {
    TempDir dir;
    const auto missing =
        run_liveml({"fit", "-i", (dir / "nope.csv").string(), "-o", (dir / "m.lvm").string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("nope.csv"), std::string::npos) << missing.err;

    write_text(dir / "prose.txt", "hello, world\n");
    const auto prose =
        run_liveml({"fit", "-i", (dir / "prose.txt").string(), "-o", (dir / "m.lvm").string()});
    EXPECT_EQ(prose.exit_code, 1);
    EXPECT_NE(prose.err.find("neither a digits CSV"), std::string::npos) << prose.err;

    write_text(dir / "empty.jsonl", "\n \n");
    const auto empty =
        run_liveml({"fit", "-i", (dir / "empty.jsonl").string(), "-o", (dir / "m.lvm").string()});
    EXPECT_EQ(empty.exit_code, 1);
    EXPECT_FALSE(std::filesystem::exists(dir / "m.lvm"));
}

TEST(CliFit, LearnerFlagTrainsTheNamedLearner) {
    TempDir dir;
    for (const std::string name : {"softmax_regression", "perceptron", "mlp", "hoeffding_tree"}) {
        const auto model = dir / (name + ".lvm");
        const auto fit = run_liveml({"fit", "--input", bundled_csv(), "--out", model.string(),
                                     "--learner", name, "--json"});
        ASSERT_EQ(fit.exit_code, 0) << name << ": " << fit.err;
        const auto saved = online::load_learner_file(model);
        EXPECT_EQ(saved.model->kind(), name);
        EXPECT_EQ(saved.model->samples_seen(), 1797u);
        EXPECT_EQ(saved.metadata.at("learner"), name);
        const auto show = run_liveml({"model", "show", "--json", model.string()});
        ASSERT_EQ(show.exit_code, 0) << show.err;
        EXPECT_EQ(json::parse(show.out)["learner"], name);
    }
}

TEST(CliFit, UnknownLearnerIsRefusedListingTheKnownOnes) {
    TempDir dir;
    const auto fit = run_liveml({"fit", "--input", bundled_csv(), "--out", (dir / "m.lvm").string(),
                                 "--learner", "forest"});
    EXPECT_NE(fit.exit_code, 0);
    EXPECT_NE(fit.err.find("softmax_regression"), std::string::npos) << fit.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "m.lvm"));
}

TEST(CliFit, SgdHyperParametersOnlyGoWithTheSgdLearner) {
    TempDir dir;
    const auto fit = run_liveml({"fit", "--input", bundled_csv(), "--out", (dir / "m.lvm").string(),
                                 "--learner", "mlp", "--alpha", "0.1"});
    EXPECT_NE(fit.exit_code, 0);
    EXPECT_NE(fit.err.find("--alpha"), std::string::npos) << fit.err;
}

TEST(CliFit, CanvasPresetWritesTheCanvasModel) {
    TempDir dir;
    const auto model = dir / "canvas.lvm";
    const auto fit = run_liveml(
        {"fit", "--preset", "canvas", "--input", bundled_csv(), "--out", model.string(), "--json"});
    ASSERT_EQ(fit.exit_code, 0) << fit.err;
    const auto saved = online::load_learner_file(model);
    EXPECT_EQ(saved.model->kind(), "mlp");
    EXPECT_EQ(saved.metadata.at("preset"), "canvas");
    // The preset is deterministic: the same as training it in-process.
    const auto expected =
        digits::train_canvas_model(digits::load_digits_csv(bundled_csv()),
                                   digits::load_digits_csv(digits::bundled_font_digits_path()));
    EXPECT_EQ(online::serialize_model(*saved.model), online::serialize_model(*expected));
}

} // namespace
} // namespace liveml::cli::test
