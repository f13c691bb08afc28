// Parity with scikit-learn 1.2.1 for Perceptron, PassiveAggressiveClassifier and GaussianNB:
// learner_reference.py trains each on seeded streams of the digits data and records the
// model at checkpoints; we replay every stream and require the same parameters (1e-9), every
// prediction on all 1,797 digits, and (GaussianNB) the probabilities (1e-9).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "online/gaussian_nb.hpp"
#include "online/linear_margin_classifier.hpp"
#include "reference_run.hpp"

namespace fs = std::filesystem;
using namespace liveml::online;
using liveml::online::testing::Checkpoint;
using liveml::online::testing::ReferenceRun;

namespace {

constexpr double kTolerance = 1e-9;

struct RunConfig {
    std::string name;
    std::string estimator; // perceptron | pa | gnb
    double step;           // eta0 or C
    int seed;
    int passes;
    int limit;                // stream length cap, 0 = whole passes
    int batch;                // 0 = one partial_fit per sample (gnb only batches > 0)
    std::vector<int> classes; // empty = all ten digits
    int checkpoint_every;
};

// Per-sample scikit-learn calls cost ~1 ms each: those streams are capped.
const std::vector<RunConfig> kRuns = {
    {"perceptron", "perceptron", 1.0, 20, 1, 500, 0, {}, 100},
    {"perceptron_eta0_0_1", "perceptron", 0.1, 21, 1, 200, 0, {}, 50},
    {"perceptron_binary_3_8", "perceptron", 1.0, 22, 1, 200, 0, {3, 8}, 50},
    {"pa_c1", "pa", 1.0, 23, 1, 500, 0, {}, 100},
    {"pa_c0_01", "pa", 0.01, 24, 1, 200, 0, {}, 50},
    {"pa_binary_1_7", "pa", 1.0, 25, 1, 200, 0, {1, 7}, 50},
    {"gnb_batch50", "gnb", 0.0, 26, 2, 0, 50, {}, 500},
    {"gnb_batch7", "gnb", 0.0, 27, 1, 700, 7, {}, 140},
    {"gnb_batch_all", "gnb", 0.0, 28, 2, 0, 1797, {}, 1797},
    {"gnb_binary_batch20", "gnb", 0.0, 29, 2, 0, 20, {4, 9}, 100},
    // One sample per call: scikit-learn's epsilon is 0 and its log-likelihoods NaN.
    {"gnb_per_sample", "gnb", 0.0, 30, 1, 40, 1, {}, 20},
};

std::string to_json(const RunConfig& r) {
    std::ostringstream os;
    os.precision(17);
    os << R"({"name":")" << r.name << R"(","estimator":")" << r.estimator << R"(","step":)"
       << r.step << R"(,"seed":)" << r.seed << R"(,"passes":)" << r.passes << R"(,"limit":)"
       << r.limit << R"(,"batch":)" << r.batch << R"(,"checkpoint_every":)" << r.checkpoint_every
       << R"(,"classes":)";
    if (r.classes.empty()) {
        os << "null";
    } else {
        os << '[';
        for (std::size_t i = 0; i < r.classes.size(); ++i)
            os << (i ? "," : "") << r.classes[i];
        os << ']';
    }
    os << '}';
    return os.str();
}

double max_abs_diff(std::span<const double> a, std::span<const double> b) {
    double worst = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) && std::isnan(b[i])) continue;
        const double d = std::abs(a[i] - b[i]);
        worst = std::isnan(d) ? INFINITY : std::max(worst, d);
    }
    return worst;
}

class LearnerParity : public ::testing::TestWithParam<RunConfig> {
  public:
    static void SetUpTestSuite() {
        out_dir_ =
            fs::path(LIVEML_TEST_BINARY_DIR) / ("learner-parity-" + std::to_string(::getpid()));
        std::string runs = "[";
        for (std::size_t i = 0; i < kRuns.size(); ++i)
            runs += (i ? "," : "") + to_json(kRuns[i]);
        python_status_ = liveml::online::testing::run_reference_script(
            out_dir_, "learner_reference.py", runs + "]");
    }
    static void TearDownTestSuite() { fs::remove_all(out_dir_); }

  protected:
    static inline fs::path out_dir_;
    static inline int python_status_ = -1;
};

std::span<const double> row_of(const ReferenceRun& ref, std::size_t i) {
    return std::span<const double>(ref.X).subspan(i * ref.n_features, ref.n_features);
}

// Parameters in the reference's layout (see learner_reference.py).
std::vector<double> coef_of(const OnlineClassifier& model) {
    if (const auto* nb = dynamic_cast<const GaussianNb*>(&model)) {
        std::vector<double> v(nb->theta().begin(), nb->theta().end());
        v.insert(v.end(), nb->var().begin(), nb->var().end());
        return v;
    }
    const auto& lin = dynamic_cast<const LinearMarginClassifier&>(model);
    return {lin.coef().begin(), lin.coef().end()};
}

std::vector<double> intercept_of(const OnlineClassifier& model) {
    if (const auto* nb = dynamic_cast<const GaussianNb*>(&model)) {
        std::vector<double> v(nb->class_count().begin(), nb->class_count().end());
        double total = 0.0;
        for (const double c : v)
            total += c;
        for (const double c : nb->class_count())
            v.push_back(c / total);
        return v;
    }
    const auto& lin = dynamic_cast<const LinearMarginClassifier&>(model);
    return {lin.intercept().begin(), lin.intercept().end()};
}

void expect_matches(const OnlineClassifier& model, const ReferenceRun& ref, const Checkpoint& cp,
                    double& worst_w) {
    SCOPED_TRACE("after " + std::to_string(cp.samples_seen) + " samples");
    const double dw = max_abs_diff(coef_of(model), cp.coef);
    worst_w = std::max(worst_w, dw);
    EXPECT_LE(dw, kTolerance) << "parameters";
    EXPECT_LE(max_abs_diff(intercept_of(model), cp.intercept), kTolerance) << "intercepts";
    if (const auto* nb = dynamic_cast<const GaussianNb*>(&model)) {
        EXPECT_EQ(nb->epsilon(), cp.t) << "epsilon";
    }
    std::vector<double> proba(ref.classes.size());
    std::size_t wrong = 0;
    double worst_p = 0.0;
    for (std::size_t i = 0; i < ref.n_eval(); ++i) {
        if (model.predict(row_of(ref, i)) != cp.predict[i]) ++wrong;
        if (cp.proba.empty()) continue;
        model.predict_proba(row_of(ref, i), proba);
        worst_p = std::max(worst_p, max_abs_diff(proba, std::span<const double>(cp.proba).subspan(
                                                            i * proba.size(), proba.size())));
    }
    EXPECT_EQ(wrong, 0u) << "predictions that differ from scikit-learn's";
    EXPECT_LE(worst_p, kTolerance) << "largest probability difference";
}

std::unique_ptr<OnlineClassifier> make_model(const RunConfig& cfg, const ReferenceRun& ref) {
    if (cfg.estimator == "gnb") return std::make_unique<GaussianNb>(ref.classes, ref.n_features);
    const MarginRule rule =
        cfg.estimator == "perceptron" ? MarginRule::Perceptron : MarginRule::PassiveAggressive;
    return std::make_unique<LinearMarginClassifier>(rule, cfg.step, ref.classes, ref.n_features);
}

TEST_P(LearnerParity, MatchesScikitLearn) {
    ASSERT_EQ(python_status_, 0) << "learner_reference.py failed (is python3-sklearn installed?)";
    const RunConfig& cfg = GetParam();
    const ReferenceRun ref =
        liveml::online::testing::read_reference_run(out_dir_ / (cfg.name + ".bin"));
    ASSERT_FALSE(ref.checkpoints.empty());
    const auto model = make_model(cfg, ref);
    auto* nb = dynamic_cast<GaussianNb*>(model.get());
    const std::size_t step = cfg.batch == 0 ? 1 : static_cast<std::size_t>(cfg.batch);
    std::vector<double> X;
    std::vector<int> y;
    std::size_t next = 0;
    double worst_w = 0.0;
    for (std::size_t start = 0; start < ref.stream.size(); start += step) {
        X.clear();
        y.clear();
        for (std::size_t k = start; k < std::min(start + step, ref.stream.size()); ++k) {
            const auto x = row_of(ref, ref.stream[k]);
            X.insert(X.end(), x.begin(), x.end());
            y.push_back(ref.y[ref.stream[k]]);
        }
        if (nb)
            nb->partial_fit_batch(X, y);
        else
            model->partial_fit(X, y[0]);
        if (next < ref.checkpoints.size() &&
            model->samples_seen() == static_cast<std::uint64_t>(ref.checkpoints[next].samples_seen))
            expect_matches(*model, ref, ref.checkpoints[next++], worst_w);
        if (HasFatalFailure()) return;
    }
    EXPECT_EQ(next, ref.checkpoints.size()) << "checkpoints never reached";
    std::printf("[ parity ] %s: %zu samples, %zu checkpoints, max |dparam| = %.3g\n",
                cfg.name.c_str(), ref.stream.size(), ref.checkpoints.size(), worst_w);
}

INSTANTIATE_TEST_SUITE_P(Sklearn, LearnerParity, ::testing::ValuesIn(kRuns),
                         [](const ::testing::TestParamInfo<RunConfig>& info) {
                             return info.param.name;
                         });

} // namespace
