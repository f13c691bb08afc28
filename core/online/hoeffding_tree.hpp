#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "online/online_classifier.hpp"

namespace liveml::online {

namespace codec {
class ByteReader;
}

struct HoeffdingTreeParams {
    double grace_period = 200;   // samples a leaf sees between split attempts
    double delta = 1e-7;         // allowed chance of choosing the wrong split
    double tau = 0.05;           // tie threshold: split anyway once the bound falls below it
    std::uint32_t n_splits = 10; // candidate thresholds per feature
    std::uint32_t max_depth = 20;
    double min_branch_fraction = 0.01; // each branch must get this share of the weight
};

// A Hoeffding tree (VFDT, Domingos & Hulten 2000) for numeric features in the style of River's
// HoeffdingTreeClassifier defaults: per leaf, one Gaussian per (feature, class) summarises the
// values seen; every grace_period samples the leaf scores n_splits equally spaced thresholds
// per feature by information gain (class weights on each side from the Gaussians' CDFs) and
// splits when the best beats the runner-up (or no split) by the Hoeffding bound
// sqrt(R² ln(1/δ) / 2n), R = log2(classes seen), or the bound drops below tau. Leaves answer
// with "naive Bayes adaptive": majority class or Gaussian naive Bayes, whichever has been
// right more often at that leaf. Not a bit-exact port of River; the semantics above are.
class HoeffdingTree final : public OnlineClassifier {
  public:
    static constexpr std::string_view kKind = "hoeffding_tree";
    static constexpr std::size_t kMaxClasses = 256;
    static constexpr std::size_t kMaxNodes = 1u << 16;

    HoeffdingTree(HoeffdingTreeParams params, std::vector<int> classes, std::size_t n_features);

    std::string_view kind() const noexcept override { return kKind; }
    const std::vector<int>& classes() const noexcept override { return classes_; }
    std::size_t n_features() const noexcept override { return n_features_; }
    std::uint64_t samples_seen() const noexcept override { return samples_seen_; }
    std::size_t n_nodes() const noexcept { return nodes_.size(); }
    std::size_t n_leaves() const noexcept;
    std::size_t depth() const noexcept;

    void partial_fit(std::span<const double> x, int label) override;
    int predict(std::span<const double> x) const override;
    bool has_proba() const noexcept override { return true; }
    void predict_proba(std::span<const double> x, std::span<double> proba) const override;

    std::unique_ptr<OnlineClassifier> clone() const override;
    void write_state(codec::ByteWriter& out) const override;
    static HoeffdingTree read_state(codec::ByteReader& in);

  private:
    // Welford running mean and sum of squared deviations of one feature within one class.
    struct Gaussian {
        double n = 0, mean = 0, m2 = 0, min = 0, max = 0;
        void add(double v);
        double variance() const { return n > 1 ? m2 / (n - 1) : 0.0; }
        double cdf(double v) const;
        double log_pdf(double v) const;
    };
    struct Node {
        std::int32_t feature = -1; // -1: a leaf
        double threshold = 0;      // x[feature] <= threshold goes left
        std::uint32_t left = 0, right = 0, depth = 0;
        // Leaves only:
        std::vector<double> counts;  // class weights
        std::vector<Gaussian> stats; // n_features × n_classes
        double weight_at_last_attempt = 0, mc_correct = 0, nb_correct = 0;
    };
    struct Split {
        double merit = 0, threshold = 0;
        std::int32_t feature = -1;
        std::vector<double> left, right;
    };

    Node make_leaf(std::uint32_t depth, std::vector<double> counts) const;
    std::size_t leaf_for(std::span<const double> x) const;
    // Class scores of a leaf: normalised counts (majority) or naive Bayes probabilities.
    void leaf_proba(const Node& leaf, std::span<const double> x, bool naive_bayes,
                    double* out) const;
    bool use_naive_bayes(const Node& leaf) const { return leaf.nb_correct >= leaf.mc_correct; }
    Split best_split_on(const Node& leaf, std::size_t feature) const;
    void attempt_split(std::size_t leaf);

    HoeffdingTreeParams params_;
    std::vector<int> classes_;
    std::size_t n_features_;
    std::vector<Node> nodes_; // nodes_[0] is the root; children always follow their parent
    std::uint64_t samples_seen_ = 0;
};

} // namespace liveml::online
