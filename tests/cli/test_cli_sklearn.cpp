// `liveml fit` against scikit-learn 1.2.1 on the same JSON-lines file: the weights the CLI
// writes must be the ones SGDClassifier.partial_fit computes, record by record.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include <nlohmann/json.hpp>

#include "cli_process.hpp"
#include "digits/digits_dataset.hpp"
#include "jsonl_writer.hpp"

namespace liveml::cli::test {
namespace {

using nlohmann::json;

struct Case {
    const char* loss;
    const char* penalty;
    const char* alpha;
    unsigned seed; // of the record order
};

class CliMatchesSklearn : public ::testing::TestWithParam<Case> {};

TEST_P(CliMatchesSklearn, SameWeightsOnTheSameFile) {
    const Case c = GetParam();
    TempDir dir;
    auto samples = digits::load_digits_csv(digits::bundled_digits_path());
    std::shuffle(samples.begin(), samples.end(), std::mt19937(c.seed));
    samples.resize(600); // keeps Python's per-sample loop under a second
    const auto input = dir / "records.jsonl";
    write_jsonl(input, samples);

    const auto model = dir / "m.lvm";
    const auto fit = run_liveml({"fit", "-i", input.string(), "-o", model.string(), "--loss",
                                 c.loss, "--penalty", c.penalty, "--alpha", c.alpha});
    ASSERT_EQ(fit.exit_code, 0) << fit.err;
    const auto show = run_liveml({"model", "show", "--json", model.string()});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const json ours = json::parse(show.out);

    const std::string script = LIVEML_TEST_SOURCE_DIR "/cli/sklearn_partial_fit.py";
    const std::string sk_loss = std::string(c.loss) == "log" ? "log_loss" : c.loss;
    const auto python =
        run_process(LIVEML_PYTHON, {script, input.string(), sk_loss, c.penalty, c.alpha, "1"});
    ASSERT_EQ(python.exit_code, 0) << python.err;
    const json ref = json::parse(python.out);

    EXPECT_EQ(ours["t"].get<double>(), ref["t"].get<double>());
    double max_delta = 0;
    for (std::size_t k = 0; k < 10; ++k) {
        for (std::size_t j = 0; j < 64; ++j)
            max_delta = std::max(max_delta, std::abs(ours["coef"][k][j].get<double>() -
                                                     ref["coef"][k][j].get<double>()));
        max_delta = std::max(max_delta, std::abs(ours["intercept"][k].get<double>() -
                                                 ref["intercept"][k].get<double>()));
    }
    EXPECT_LE(max_delta, 1e-9);
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", max_delta);
    RecordProperty("max_abs_delta", text);
}

INSTANTIATE_TEST_SUITE_P(LossesAndPenalties, CliMatchesSklearn,
                         ::testing::Values(Case{"log", "l1", "0.01", 1},
                                           Case{"log", "l2", "1e-4", 2},
                                           Case{"hinge", "none", "0.001", 3}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                             return std::string(info.param.loss) + "_" + info.param.penalty;
                         });

} // namespace
} // namespace liveml::cli::test
