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

// scikit-learn 1.2.1's GaussianNB(var_smoothing=1e-9, priors=None).partial_fit: per-class
// running mean and variance (Chan et al.'s merge of a batch into the past), empirical class
// priors, and a variance floor epsilon = var_smoothing × the largest per-feature variance of
// the LATEST batch.
//
// Note what that means for one sample per call (partial_fit below): a single row has zero
// variance, so epsilon is 0 and a feature constant within a class keeps variance 0; the
// log-likelihoods are then NaN, as in scikit-learn, and predict answers classes()[0] like
// numpy's argmax over NaNs. Train it with partial_fit_batch (mini-batches) for a useful model.
class GaussianNb final : public OnlineClassifier {
  public:
    static constexpr std::string_view kKind = "gaussian_nb";

    GaussianNb(std::vector<int> classes, std::size_t n_features, double var_smoothing = 1e-9);

    std::string_view kind() const noexcept override { return kKind; }
    const std::vector<int>& classes() const noexcept override { return classes_; }
    std::size_t n_features() const noexcept override { return n_features_; }
    std::uint64_t samples_seen() const noexcept override { return samples_seen_; }

    void partial_fit(std::span<const double> x, int label) override;
    // X row-major y.size() × n_features(), as scikit-learn's partial_fit(X, y).
    void partial_fit_batch(std::span<const double> X, std::span<const int> y);
    int predict(std::span<const double> x) const override;
    bool has_proba() const noexcept override { return true; }
    void predict_proba(std::span<const double> x, std::span<double> proba) const override;
    // scikit-learn's _joint_log_likelihood: log prior + Gaussian log density, one per class.
    void joint_log_likelihood(std::span<const double> x, std::span<double> out) const;

    std::span<const double> theta() const noexcept { return theta_; } // classes × features
    std::span<const double> var() const noexcept { return var_; }
    std::span<const double> class_count() const noexcept { return class_count_; }
    double epsilon() const noexcept { return epsilon_; }

    std::unique_ptr<OnlineClassifier> clone() const override;
    void write_state(codec::ByteWriter& out) const override;
    static GaussianNb read_state(codec::ByteReader& in);

  private:
    void merge_class(std::size_t k, std::span<const double> X, std::span<const int> y);

    double var_smoothing_;
    std::vector<int> classes_;
    std::size_t n_features_;
    std::vector<double> theta_;
    std::vector<double> var_;
    std::vector<double> class_count_;
    double epsilon_ = 0.0;
    std::uint64_t samples_seen_ = 0;
    // Scratch for one batch (batch mean, batch variance).
    std::vector<double> batch_mu_;
    std::vector<double> batch_var_;
};

} // namespace liveml::online
