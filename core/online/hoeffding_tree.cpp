#include "online/hoeffding_tree.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

#include "online/learner_input.hpp"
#include "online/model_codec.hpp"
#include "online/softmax_math.hpp"

namespace liveml::online {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
// A zero density would make a class impossible for good; floor its log instead.
constexpr double kMinLogDensity = -700.0;

double entropy(const std::vector<double>& dist) {
    double total = 0.0;
    for (const double w : dist)
        total += w;
    if (total <= 0.0) return 0.0;
    double h = 0.0;
    for (const double w : dist)
        if (w > 0.0) h -= w / total * std::log2(w / total);
    return h;
}

double sum_of(const std::vector<double>& v) {
    double s = 0.0;
    for (const double w : v)
        s += w;
    return s;
}

void check_params(const HoeffdingTreeParams& p) {
    if (!(p.grace_period >= 1.0) || !std::isfinite(p.grace_period))
        throw std::invalid_argument("grace_period must be at least 1");
    if (!(p.delta > 0.0 && p.delta < 1.0)) throw std::invalid_argument("delta must be in (0, 1)");
    if (!(p.tau >= 0.0) || !std::isfinite(p.tau)) throw std::invalid_argument("tau must be >= 0");
    if (p.n_splits < 1 || p.n_splits > 1000)
        throw std::invalid_argument("n_splits must be 1..1000");
    if (p.max_depth < 1 || p.max_depth > 64) throw std::invalid_argument("max_depth must be 1..64");
    if (!(p.min_branch_fraction >= 0.0 && p.min_branch_fraction < 0.5))
        throw std::invalid_argument("min_branch_fraction must be in [0, 0.5)");
}

} // namespace

void HoeffdingTree::Gaussian::add(double v) {
    if (n == 0) min = max = v;
    min = std::min(min, v);
    max = std::max(max, v);
    n += 1.0;
    const double d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
}

double HoeffdingTree::Gaussian::cdf(double v) const {
    const double var = variance();
    if (var <= 0.0) return v >= mean ? 1.0 : 0.0;
    return 0.5 * (1.0 + std::erf((v - mean) / std::sqrt(2.0 * var)));
}

double HoeffdingTree::Gaussian::log_pdf(double v) const {
    const double var = variance();
    if (var <= 0.0) return v == mean ? 0.0 : kMinLogDensity;
    const double d = v - mean;
    return std::max(kMinLogDensity,
                    -0.5 * std::log(2.0 * std::numbers::pi * var) - d * d / (2.0 * var));
}

HoeffdingTree::HoeffdingTree(HoeffdingTreeParams params, std::vector<int> classes,
                             std::size_t n_features)
    : params_(params), classes_(sorted_classes(std::move(classes))), n_features_(n_features) {
    check_params(params_);
    if (n_features_ == 0) throw std::invalid_argument("n_features must be at least 1");
    if (classes_.size() > kMaxClasses)
        throw std::invalid_argument("at most " + std::to_string(kMaxClasses) +
                                    " classes are supported");
    nodes_.push_back(make_leaf(0, std::vector<double>(classes_.size(), 0.0)));
}

HoeffdingTree::Node HoeffdingTree::make_leaf(std::uint32_t depth,
                                             std::vector<double> counts) const {
    Node leaf;
    leaf.depth = depth;
    leaf.weight_at_last_attempt = sum_of(counts);
    leaf.counts = std::move(counts);
    leaf.stats.assign(n_features_ * classes_.size(), Gaussian{});
    return leaf;
}

std::size_t HoeffdingTree::n_leaves() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(nodes_.begin(), nodes_.end(), [](const Node& n) { return n.feature < 0; }));
}

std::size_t HoeffdingTree::depth() const noexcept {
    std::size_t d = 0;
    for (const Node& n : nodes_)
        d = std::max<std::size_t>(d, n.depth);
    return d;
}

std::size_t HoeffdingTree::leaf_for(std::span<const double> x) const {
    std::size_t i = 0;
    while (nodes_[i].feature >= 0) {
        const Node& n = nodes_[i];
        i = x[static_cast<std::size_t>(n.feature)] <= n.threshold ? n.left : n.right;
    }
    return i;
}

void HoeffdingTree::leaf_proba(const Node& leaf, std::span<const double> x, bool naive_bayes,
                               double* out) const {
    const std::size_t k_count = classes_.size();
    const double total = sum_of(leaf.counts);
    if (!naive_bayes || total <= 0.0) {
        for (std::size_t k = 0; k < k_count; ++k)
            out[k] = total > 0.0 ? leaf.counts[k] / total : 1.0 / static_cast<double>(k_count);
        return;
    }
    for (std::size_t k = 0; k < k_count; ++k) {
        if (leaf.counts[k] <= 0.0) {
            out[k] = kNegInf;
            continue;
        }
        double log_joint = std::log(leaf.counts[k] / total);
        for (std::size_t j = 0; j < n_features_; ++j) {
            const Gaussian& g = leaf.stats[j * k_count + k];
            if (g.n > 0) log_joint += g.log_pdf(x[j]);
        }
        out[k] = log_joint;
    }
    softmax_in_place(out, k_count);
}

void HoeffdingTree::partial_fit(std::span<const double> x, int label) {
    check_features(x, n_features_);
    const std::size_t target = class_index(classes_, label);
    const std::size_t k_count = classes_.size();
    const std::size_t li = leaf_for(x);
    Node& leaf = nodes_[li];
    // Score both leaf answers before learning, to choose between them later.
    std::array<double, kMaxClasses> p{};
    leaf_proba(leaf, x, false, p.data());
    leaf.mc_correct += argmax(p.data(), k_count) == target ? 1.0 : 0.0;
    leaf_proba(leaf, x, true, p.data());
    leaf.nb_correct += argmax(p.data(), k_count) == target ? 1.0 : 0.0;
    leaf.counts[target] += 1.0;
    for (std::size_t j = 0; j < n_features_; ++j)
        leaf.stats[j * k_count + target].add(x[j]);
    ++samples_seen_;
    if (sum_of(leaf.counts) - leaf.weight_at_last_attempt >= params_.grace_period)
        attempt_split(li);
}

HoeffdingTree::Split HoeffdingTree::best_split_on(const Node& leaf, std::size_t feature) const {
    const std::size_t k_count = classes_.size();
    Split best;
    best.merit = kNegInf;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t k = 0; k < k_count; ++k) {
        const Gaussian& g = leaf.stats[feature * k_count + k];
        if (g.n == 0) continue;
        lo = std::min(lo, g.min);
        hi = std::max(hi, g.max);
    }
    if (!(lo < hi)) return best;
    const double pre_entropy = entropy(leaf.counts);
    const double total = sum_of(leaf.counts);
    std::vector<double> left(k_count), right(k_count);
    for (std::uint32_t s = 0; s < params_.n_splits; ++s) {
        const double t = lo + (hi - lo) * (s + 1) / (params_.n_splits + 1);
        for (std::size_t k = 0; k < k_count; ++k) {
            const Gaussian& g = leaf.stats[feature * k_count + k];
            // Weight the Gaussians never saw (counts carried over from a split) goes by the
            // same share as the weight they did see.
            const double share = g.n == 0 ? 0.5 : (t < g.min ? 0.0 : t >= g.max ? 1.0 : g.cdf(t));
            left[k] = leaf.counts[k] * share;
            right[k] = leaf.counts[k] - left[k];
        }
        const double wl = sum_of(left), wr = sum_of(right);
        if (wl < params_.min_branch_fraction * total || wr < params_.min_branch_fraction * total)
            continue;
        const double merit = pre_entropy - (wl * entropy(left) + wr * entropy(right)) / total;
        if (merit > best.merit) {
            best.merit = merit;
            best.threshold = t;
            best.feature = static_cast<std::int32_t>(feature);
            best.left = left;
            best.right = right;
        }
    }
    return best;
}

void HoeffdingTree::attempt_split(std::size_t li) {
    {
        Node& leaf = nodes_[li];
        leaf.weight_at_last_attempt = sum_of(leaf.counts);
        const auto present =
            std::count_if(leaf.counts.begin(), leaf.counts.end(), [](double w) { return w > 0.0; });
        if (present < 2 || leaf.depth + 1 >= params_.max_depth || nodes_.size() + 2 > kMaxNodes)
            return;
    }
    const Node& leaf = nodes_[li];
    // The "no split" candidate has merit 0 (River's merit pre-pruning).
    Split best, second;
    best.merit = 0.0;
    second.merit = 0.0;
    for (std::size_t j = 0; j < n_features_; ++j) {
        Split s = best_split_on(leaf, j);
        if (s.merit > best.merit) {
            second = std::move(best);
            best = std::move(s);
        } else if (s.merit > second.merit) {
            second = std::move(s);
        }
    }
    if (best.feature < 0) return;
    const auto present =
        std::count_if(leaf.counts.begin(), leaf.counts.end(), [](double w) { return w > 0.0; });
    const double range = std::log2(static_cast<double>(std::max<long>(present, 2)));
    const double n = sum_of(leaf.counts);
    const double bound = std::sqrt(range * range * std::log(1.0 / params_.delta) / (2.0 * n));
    if (!(best.merit - second.merit > bound || bound < params_.tau)) return;
    const std::uint32_t depth = leaf.depth + 1;
    nodes_.push_back(make_leaf(depth, std::move(best.left)));
    nodes_.push_back(make_leaf(depth, std::move(best.right)));
    Node& split = nodes_[li];
    split.feature = best.feature;
    split.threshold = best.threshold;
    split.left = static_cast<std::uint32_t>(nodes_.size() - 2);
    split.right = static_cast<std::uint32_t>(nodes_.size() - 1);
    split.counts.clear();
    split.stats.clear();
    split.stats.shrink_to_fit();
}

int HoeffdingTree::predict(std::span<const double> x) const {
    check_features(x, n_features_);
    std::array<double, kMaxClasses> p{};
    const Node& leaf = nodes_[leaf_for(x)];
    leaf_proba(leaf, x, use_naive_bayes(leaf), p.data());
    return classes_[argmax(p.data(), classes_.size())];
}

void HoeffdingTree::predict_proba(std::span<const double> x, std::span<double> proba) const {
    check_features(x, n_features_);
    check_output_size(proba, classes_.size(), "predict_proba");
    const Node& leaf = nodes_[leaf_for(x)];
    leaf_proba(leaf, x, use_naive_bayes(leaf), proba.data());
}

std::unique_ptr<OnlineClassifier> HoeffdingTree::clone() const {
    return std::make_unique<HoeffdingTree>(*this);
}

void HoeffdingTree::write_state(codec::ByteWriter& out) const {
    out.f64(params_.grace_period);
    out.f64(params_.delta);
    out.f64(params_.tau);
    out.u32(params_.n_splits);
    out.u32(params_.max_depth);
    out.f64(params_.min_branch_fraction);
    codec::write_classes(out, classes_);
    out.u32(static_cast<std::uint32_t>(n_features_));
    out.u64(samples_seen_);
    out.u32(static_cast<std::uint32_t>(nodes_.size()));
    for (const Node& n : nodes_) {
        out.i32(n.feature);
        out.u32(n.depth);
        if (n.feature >= 0) {
            out.f64(n.threshold);
            out.u32(n.left);
            out.u32(n.right);
            continue;
        }
        codec::write_doubles(out, n.counts);
        out.f64(n.weight_at_last_attempt);
        out.f64(n.mc_correct);
        out.f64(n.nb_correct);
        for (const Gaussian& g : n.stats)
            codec::write_doubles(out, std::array<double, 5>{g.n, g.mean, g.m2, g.min, g.max});
    }
}

HoeffdingTree HoeffdingTree::read_state(codec::ByteReader& in) {
    HoeffdingTreeParams p;
    p.grace_period = in.f64("the grace period");
    p.delta = in.f64("delta");
    p.tau = in.f64("tau");
    p.n_splits = in.u32("the split count");
    p.max_depth = in.u32("the maximum depth");
    p.min_branch_fraction = in.f64("the minimum branch fraction");
    try {
        check_params(p);
    } catch (const std::invalid_argument& e) {
        codec::corrupt(e.what());
    }
    std::vector<int> classes = codec::read_classes(in);
    if (classes.size() > kMaxClasses) codec::corrupt("too many classes");
    const std::uint32_t n_features =
        codec::read_count(in, "the feature count", 1, kMaxModelFeatures);
    HoeffdingTree tree(p, std::move(classes), n_features);
    tree.samples_seen_ = in.u64("the sample count");
    const std::uint32_t count = codec::read_count(in, "the node count", 1, kMaxNodes);
    const std::size_t k_count = tree.classes_.size();
    tree.nodes_.clear();
    for (std::uint32_t i = 0; i < count; ++i) {
        Node n;
        n.feature = in.i32("a node's feature");
        n.depth = in.u32("a node's depth");
        if (n.feature >= static_cast<std::int64_t>(n_features) || n.feature < -1)
            codec::corrupt("a node splits on a feature that does not exist");
        if (n.feature >= 0) {
            n.threshold = codec::read_finite_doubles(in, 1, "a threshold")[0];
            n.left = in.u32("a child index");
            n.right = in.u32("a child index");
            // Children come after their parent, so the nodes form a tree (no cycles).
            if (n.left <= i || n.right <= i || n.left >= count || n.right >= count)
                codec::corrupt("a node's children are out of order or out of range");
        } else {
            n.counts = codec::read_finite_doubles(in, k_count, "the class weights");
            const auto rest = codec::read_finite_doubles(in, 3, "the leaf's counters");
            n.weight_at_last_attempt = rest[0];
            n.mc_correct = rest[1];
            n.nb_correct = rest[2];
            in.require(std::uint64_t{n_features} * k_count * 5, sizeof(double),
                       "the leaf's Gaussians");
            const auto g = codec::read_finite_doubles(in, std::uint64_t{n_features} * k_count * 5,
                                                      "the leaf's Gaussians");
            n.stats.resize(std::size_t{n_features} * k_count);
            for (std::size_t s = 0; s < n.stats.size(); ++s)
                n.stats[s] = {g[5 * s], g[5 * s + 1], g[5 * s + 2], g[5 * s + 3], g[5 * s + 4]};
        }
        tree.nodes_.push_back(std::move(n));
    }
    return tree;
}

} // namespace liveml::online
