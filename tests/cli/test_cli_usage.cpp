// Help and exit codes of every subcommand of `liveml` and `liveml-clip` (docs/cli.md): usage
// errors are found while parsing and exit 2 (an "error" event too with --json), a failing
// command body exits 1, and `liveml clip …` passes arguments and exit codes through.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <future>
#include <string>
#include <utility>
#include <vector>

#include "cli_process.hpp"

namespace liveml::cli::test {
namespace {

using Args = std::vector<std::string>;

constexpr const char* kExitCodesLine =
    "Exit codes: 0 ok, 1 failure, 2 usage error, 3 partial failure, 130 interrupted";

std::string joined(const Args& args) {
    std::string out;
    for (const auto& a : args)
        out += a + " ";
    return out;
}

// Every subcommand path of `liveml` this build has.
std::vector<Args> liveml_commands() {
    std::vector<Args> commands{{"fit"}, {"model"}, {"model", "show"}, {"predict"}};
#ifdef LIVEML_TEST_STREAM
    for (const char* name : {"broker", "produce", "train", "redis-clear"})
        commands.push_back({name});
#endif
    return commands;
}

#ifdef LIVEML_CLIP_PATH
const std::vector<std::string> kClipJobs{
    "train",  "eval",   "zeroshot", "index",        "search",
    "embed",  "distill", "compare", "finetune",
#ifdef LIVEML_TEST_STREAM
    "ingest", "bucket-watch", // built with Kafka only
#endif
};

ProcessResult run_liveml_clip(const Args& args) {
    return run_process(LIVEML_CLIP_PATH, args);
}

// liveml-clip loads LibTorch before it parses a flag (about a second on a loaded 2-core
// machine), and these tests start it ~90 times: three at a time, results in the order asked,
// every assertion on the test's own thread.
std::vector<ProcessResult> run_all(const std::vector<std::pair<std::string, Args>>& runs) {
    constexpr std::size_t kAtOnce = 3;
    std::vector<ProcessResult> results;
    for (std::size_t first = 0; first < runs.size(); first += kAtOnce) {
        std::vector<std::future<ProcessResult>> batch;
        for (std::size_t i = first; i < std::min(runs.size(), first + kAtOnce); ++i)
            batch.push_back(std::async(std::launch::async, [&run = runs[i]] {
                return run_process(run.first, run.second);
            }));
        for (auto& result : batch)
            results.push_back(result.get());
    }
    return results;
}
#endif

void expect_help(const ProcessResult& run, const std::string& what) {
    SCOPED_TRACE(what);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Examples:"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find(kExitCodesLine), std::string::npos) << run.out;
}

void expect_usage_error(const ProcessResult& run, const std::string& what) {
    EXPECT_EQ(run.exit_code, 2) << what << "\n" << run.err;
    EXPECT_FALSE(run.err.empty()) << what;
}

TEST(CliUsage, EverySubcommandHasHelpWithExamplesAndExitCodes) {
    for (Args args : liveml_commands()) {
        args.push_back("--help");
        expect_help(run_liveml(args), "liveml " + joined(args));
    }
    const auto root = run_liveml({"--help"});
    EXPECT_EQ(root.exit_code, 0);
    EXPECT_NE(root.out.find(kExitCodesLine), std::string::npos) << root.out;
    for (const auto& command : liveml_commands())
        EXPECT_NE(root.out.find(command[0]), std::string::npos) << root.out;
    EXPECT_NE(root.out.find("clip"), std::string::npos) << root.out;
}

TEST(CliUsage, BadFlagsExitTwoWhileParsing) {
    std::vector<Args> cases{
        {},
        {"no-such-command"},
        {"fit", "--input", "x.csv"},
        {"fit", "--out", "m.lvm"},
        {"fit", "-i", "x.csv", "-o", "m.lvm", "--loss", "squared"},
        {"fit", "-i", "x.csv", "-o", "m.lvm", "--penalty", "elastic"},
        {"fit", "-i", "x.csv", "-o", "m.lvm", "--alpha", "-1"},
        {"fit", "-i", "x.csv", "-o", "m.lvm", "--alpha", "nan"},
        {"fit", "-i", "x.csv", "-o", "m.lvm", "--alpha", "inf"},
        {"fit", "-i", "x.csv", "-o", "m.lvm", "--passes", "0"},
        {"fit", "-i", "x.csv", "-o", "m.lvm", "--bogus"},
        {"model"},
        {"model", "show"},
        {"predict", "--model", "m.lvm"},
        {"predict", "a.png"},
    };
#ifdef LIVEML_TEST_STREAM
    const std::vector<Args> stream_cases{
        {"broker", "--port", "70000"},
        {"broker", "--partitions", "0"},
        {"produce"},
        {"produce", "--brokers", "b", "--rate", "nan"},
        {"produce", "--brokers", "b", "--duration", "inf"},
        {"produce", "--brokers", "b", "--producer-property", "novalue"},
        {"produce", "--brokers", "b", "--drift", "sideways"},
        {"produce", "--brokers", "b", "--drift-at", "5"},
        {"produce", "--brokers", "b", "--drift", "gradual-writer", "--drift-span", "0"},
        {"produce", "--brokers", "b", "--drift", "label-swap", "--input", "lines.jsonl"},
        {"train"},
        {"train", "--brokers", "b", "--alpha", "nan"},
        {"train", "--brokers", "b", "--checkpoint-interval", "-inf"},
        {"train", "--brokers", "b", "--redis", "redis://host:0"},
        {"train", "--brokers", "b", "--loss", "squared"},
        {"train", "--brokers", "b", "--learner", "sgd_classifier,nope"},
        {"train", "--brokers", "b", "--learner", "mlp,mlp"},
        {"train", "--brokers", "b", "--learner", ""},
        {"train", "--brokers", "b", "--learner", "mlp", "--alpha", "0.1"},
        {"train", "--brokers", "b", "--drift-detector", "kswin"},
        {"train", "--brokers", "b", "--adwin-delta", "0"},
        {"train", "--brokers", "b", "--adwin-delta", "nan"},
        {"train", "--brokers", "b", "--on-drift", "explode"},
        {"redis-clear", "--redis", "http://nowhere"},
        {"model", "show", "--model-key", "k"},
        {"model", "show", "m.lvm", "--redis", "redis://127.0.0.1:1"},
    };
    cases.insert(cases.end(), stream_cases.begin(), stream_cases.end());
#endif
    for (const auto& args : cases)
        expect_usage_error(run_liveml(args), joined(args));
}

TEST(CliUsage, UsageErrorsAreAnErrorEventWithJson) {
    const auto run = run_liveml({"fit", "-i", "x.csv", "-o", "m.lvm", "--alpha", "nan", "--json"});
    EXPECT_EQ(run.exit_code, 2);
    const auto event = nlohmann::json::parse(run.out);
    EXPECT_EQ(event["event"], "error");
    EXPECT_NE(event["message"].get<std::string>().find("nan"), std::string::npos) << run.out;
}

TEST(CliUsage, FailuresInACommandBodyExitOneWithAnErrorEvent) {
    const TempDir dir;
    const auto missing = (dir / "missing").string();
    for (const Args& args : std::vector<Args>{
             {"fit", "-i", missing, "-o", (dir / "m.lvm").string()},
             {"model", "show", missing},
             {"predict", "--model", missing, "a.png"},
         }) {
        const auto text = run_liveml(args);
        EXPECT_EQ(text.exit_code, 1) << joined(args) << text.err;
        EXPECT_NE(text.err.find(missing), std::string::npos) << text.err;

        Args with_json = args;
        with_json.push_back("--json");
        const auto json_run = run_liveml(with_json);
        EXPECT_EQ(json_run.exit_code, 1) << joined(with_json) << json_run.err;
        const auto event = nlohmann::json::parse(json_run.out);
        EXPECT_EQ(event["event"], "error") << json_run.out;
        EXPECT_NE(event["message"].get<std::string>().find(missing), std::string::npos);
    }
}

TEST(CliUsage, ClipWithoutLivemlClipBesideItFailsClearly) {
    const TempDir dir;
    const auto alone = dir / "liveml";
    std::filesystem::copy_file(LIVEML_CLI_PATH, alone);
    const auto run = run_process(alone.string(), {"clip", "train", "--help"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find((dir / "liveml-clip").string()), std::string::npos) << run.err;
}

#ifdef LIVEML_CLIP_PATH
TEST(CliUsage, EveryClipJobHasHelpBothWays) {
    expect_help(run_liveml_clip({"train", "--help"}), "liveml-clip train --help");
    const auto root = run_liveml_clip({"--help"});
    EXPECT_EQ(root.exit_code, 0);
    EXPECT_NE(root.out.find(kExitCodesLine), std::string::npos) << root.out;
    const auto via_liveml = run_liveml({"clip", "--help"});
    EXPECT_EQ(via_liveml.exit_code, 0);
    EXPECT_EQ(via_liveml.out, root.out) << "`liveml clip` is `liveml-clip`";
    std::vector<std::pair<std::string, Args>> runs;
    for (const auto& job : kClipJobs) {
        EXPECT_NE(root.out.find(job), std::string::npos) << root.out;
        runs.push_back({LIVEML_CLIP_PATH, {job, "--help"}});
        runs.push_back({LIVEML_CLI_PATH, {"clip", job, "--help"}});
    }
    const auto results = run_all(runs);
    for (std::size_t i = 0; i < runs.size(); ++i)
        expect_help(results[i], runs[i].first + " " + joined(runs[i].second));
}

TEST(CliUsage, ClipUsageErrorsExitTwoThroughLivemlToo) {
    const std::vector<Args> cases{
        {},
        {"no-such-job"},
        {"train", "--dataset", "digits"},
        {"train", "--dataset", "digits", "--out", "m", "--lr", "nan"},
        {"train", "--dataset", "digits", "--out", "m", "--device", "gpu"},
        {"eval", "--model", "m", "--threads", "0"},
        {"eval", "--model", "m", "--precision", "fp16"},
        {"zeroshot", "--model", "m", "--adapter", "no-such-adapter", "--dataset", "digits"},
        {"zeroshot", "--model", "m", "--top-k", "0"},
        {"zeroshot", "--model", "m", "--images", "x.png", "--classes", "a,b", "--template",
         "no slot for the name"},
        {"zeroshot", "--model", "m", "--dataset", "digits", "--template", "a {}"},
        {"index", "--model", "m", "--index", "i", "--batch-size", "0"},
        {"search", "--model", "m", "--top-k", "0"},
        {"embed", "--model", "m"},
        {"train", "--dataset", "digits", "--out", "m", "--preset", "huge"},
        {"distill", "--out", "m"},
#ifdef LIVEML_TEST_STREAM
        {"ingest", "--model", "m", "--index", "i"},
        {"ingest", "--model", "m", "--index", "i", "--brokers", "b:1"},
        {"ingest", "--model", "m", "--index", "i", "--watch", "w"},
        {"ingest", "--model", "m", "--index", "i", "--watch", "w", "--out-dir", "w/out"},
        {"ingest", "--model", "m", "--index", "i", "--brokers", "b:1", "--s3-endpoint",
         "http://s3:1", "--thumb-size", "2"},
        {"bucket-watch", "--bucket", "b"},
        {"bucket-watch", "--bucket", "b", "--brokers", "b:1", "--interval-s", "0"},
#endif
        {"distill", "--teacher", "no-such-teacher", "--out", "m"},
        {"distill", "--teacher", ".", "--out", "m", "--loss", "kl"},
        {"distill", "--teacher", ".", "--out", "m", "--student", "tiny"},
        {"distill", "--teacher", ".", "--out", "m", "--temperature", "0"},
        {"distill", "--teacher", ".", "--out", "m", "--alpha", "-1"},
        {"distill", "--teacher", ".", "--out", "m", "--alpha", "nan"},
        {"compare"},
        {"compare", "--model", "no-such-model"},
        {"compare", "--model", ".", "--runs", "0"},
        {"compare", "--model", ".", "--markdown", "--csv"},
        {"compare", "--model", ".", "--csv", "--json"},
    };
    std::vector<std::pair<std::string, Args>> runs;
    for (const auto& args : cases) {
        runs.push_back({LIVEML_CLIP_PATH, args});
        Args through{"clip"};
        through.insert(through.end(), args.begin(), args.end());
        runs.push_back({LIVEML_CLI_PATH, through});
    }
    const auto results = run_all(runs);
    for (std::size_t i = 0; i < runs.size(); ++i)
        expect_usage_error(results[i], runs[i].first + " " + joined(runs[i].second));
}

// The dataset option group checks its flags while parsing in every job that takes them: an
// unknown set, a folder where only built-in sets are read, a missing folder (train reads
// folders), an unknown split. CLI11's message names the flag.
TEST(CliUsage, ClipJobsRefuseABadDatasetWhileParsing) {
    const TempDir dir;
    const auto missing = (dir / "no-such-folder").string();
    const std::vector<std::pair<Args, std::string>> cases{
        {{"train", "--out", "m", "--dataset", "mnist"}, "--dataset"},
        {{"train", "--out", "m", "--dataset", missing}, "--dataset"},
        {{"eval", "--model", "m", "--dataset", "mnist"}, "--dataset"},
        {{"eval", "--model", "m", "--dataset", "digits", "--split", "validation"}, "--split"},
        {{"zeroshot", "--model", "m", "--dataset", "mnist"}, "--dataset"},
        {{"zeroshot", "--model", "m", "--dataset", dir.path().string()}, "--dataset"},
        {{"index", "--model", "m", "--index", "i", "--dataset", "mnist"}, "--dataset"},
    };
    std::vector<std::pair<std::string, Args>> runs;
    for (const auto& [args, flag] : cases)
        runs.push_back({LIVEML_CLIP_PATH, args});
    const auto results = run_all(runs);
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& [args, flag] = cases[i];
        expect_usage_error(results[i], "liveml-clip " + joined(args));
        EXPECT_NE(results[i].err.find(flag), std::string::npos) << joined(args) << results[i].err;
    }
}
#endif

} // namespace
} // namespace liveml::cli::test
