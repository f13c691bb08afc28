// `liveml model show`: JSON floats must read back as the very doubles the model holds.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli_process.hpp"
#include "digits/digits_dataset.hpp"
#include "online/model_file.hpp"

namespace liveml::cli::test {
namespace {

using nlohmann::json;

// Reads the JSON with Python's json module (float64) and prints the bit pattern of every
// float in a fixed order: alpha, t, coef row by row, intercept.
constexpr const char* kDumpBits = R"(
import json, struct, sys
doc = json.load(open(sys.argv[1]))
values = [doc["alpha"], doc["t"]] + [w for row in doc["coef"] for w in row] + doc["intercept"]
for v in values:
    assert isinstance(v, float), repr(v)
    print(struct.pack("<d", v).hex())
)";

std::string bits_hex(double v) {
    const auto u = std::bit_cast<std::uint64_t>(v);
    std::string out;
    for (int i = 0; i < 8; ++i) {
        char byte[3];
        std::snprintf(byte, sizeof byte, "%02x", static_cast<unsigned>((u >> (8 * i)) & 0xff));
        out += byte;
    }
    return out;
}

std::filesystem::path fit_bundled(const TempDir& dir) {
    const auto model = dir / "digits.lvm";
    const auto fit = run_liveml({"fit", "-i", digits::bundled_digits_path().string(), "-o",
                                 model.string(), "--passes", "3"});
    EXPECT_EQ(fit.exit_code, 0) << fit.err;
    return model;
}

// Runs `model show --json` on `model`, parses the output with Python and checks every float
// against the doubles the model file holds, bit for bit (so the sign of zero counts too).
void expect_python_reads_exact_doubles(const TempDir& dir, const std::filesystem::path& model) {
    const auto show = run_liveml({"model", "show", "--json", model.string()});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const auto json_path = dir / (model.stem().string() + ".json");
    std::ofstream(json_path) << show.out;
    const auto python = run_process(LIVEML_PYTHON, {"-c", kDumpBits, json_path.string()});
    ASSERT_EQ(python.exit_code, 0) << python.err;

    const auto saved = online::load_model_file(model);
    std::vector<double> expected{saved.model.params().alpha, saved.model.t()};
    for (std::size_t k = 0; k < saved.model.n_coef_rows(); ++k)
        for (const double w : saved.model.coef(k))
            expected.push_back(w);
    for (const double b : saved.model.intercept())
        expected.push_back(b);

    std::istringstream lines(python.out);
    std::string line;
    std::size_t i = 0;
    for (; std::getline(lines, line); ++i) {
        ASSERT_LT(i, expected.size());
        ASSERT_EQ(line, bits_hex(expected[i])) << "value " << i << " = " << expected[i];
    }
    EXPECT_EQ(i, expected.size());
}

TEST(CliModelShow, TrainedWeightsRoundTripExactlyThroughPythonJson) {
    TempDir dir;
    expect_python_reads_exact_doubles(dir, fit_bundled(dir));
}

TEST(CliModelShow, EdgeCaseFloatsRoundTripExactly) {
    TempDir dir;
    // Values whose text form is easy to get wrong: signed zero, subnormals, extremes, whole
    // numbers, and fractions with 17 significant digits.
    const std::vector<double> edge{
        -0.0, 0.0,     5e-324,  -2.2250738585072014e-308, 1e300, -1.7976931348623157e308, 1.0, -3.0,
        0.1,  1.0 / 3, 2.0 / 3, 123456789012345680.0};
    online::SgdParams params;
    params.alpha = 0.1 + 0.2; // 0.30000000000000004
    online::SgdClassifier model(params, {0, 1, 2}, 4);
    model.restore(edge, {-0.0, 1e-10, 7.0}, 1.0 + 1e-15, 0);
    online::save_model_file(dir / "edge.lvm", model);
    expect_python_reads_exact_doubles(dir, dir / "edge.lvm");
}

TEST(CliModelShow, SummaryForPeople) {
    TempDir dir;
    const auto model = fit_bundled(dir);
    const auto show = run_liveml({"model", "show", model.string()});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    for (const char* expected :
         {"sgd_classifier (loss log, penalty l1, alpha 0.01)", "samples seen  5391",
          "features      64", "trained_at", "source_format   digits-csv"})
        EXPECT_NE(show.out.find(expected), std::string::npos) << expected << "\n" << show.out;
}

TEST(CliModelShow, RejectsCorruptAndTruncatedFiles) {
    TempDir dir;
    const auto model = fit_bundled(dir);
    std::string bytes;
    {
        std::ifstream in(model, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::string flipped = bytes;
    flipped[flipped.size() / 2] ^= 0x40;
    std::ofstream(dir / "flipped.lvm", std::ios::binary) << flipped;
    std::ofstream(dir / "short.lvm", std::ios::binary) << bytes.substr(0, bytes.size() / 3);
    std::ofstream(dir / "text.lvm", std::ios::binary) << "not a model\n";

    for (const char* name : {"flipped.lvm", "short.lvm", "text.lvm", "missing.lvm"}) {
        const auto show = run_liveml({"model", "show", (dir / name).string()});
        EXPECT_EQ(show.exit_code, 1) << name;
        EXPECT_TRUE(show.out.empty()) << name << ": " << show.out;
        EXPECT_NE(show.err.find(name), std::string::npos) << show.err;
        // With --json the reason is the one line on stdout: an "error" event.
        const auto as_json = run_liveml({"model", "show", "--json", (dir / name).string()});
        EXPECT_EQ(as_json.exit_code, 1) << name;
        const auto event = json::parse(as_json.out);
        EXPECT_EQ(event["event"], "error") << as_json.out;
        EXPECT_NE(event["message"].get<std::string>().find(name), std::string::npos) << as_json.out;
    }
}

} // namespace
} // namespace liveml::cli::test
