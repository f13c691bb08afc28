#include "online/learner_registry.hpp"

#include <stdexcept>

#include "online/gaussian_nb.hpp"
#include "online/hoeffding_tree.hpp"
#include "online/linear_margin_classifier.hpp"
#include "online/mlp_classifier.hpp"
#include "online/model_codec.hpp"
#include "online/sgd_classifier.hpp"
#include "online/softmax_regression.hpp"

namespace liveml::online {

const std::vector<std::string_view>& learner_names() {
    static const std::vector<std::string_view> names = {
        SgdClassifier::kKind,
        LinearMarginClassifier::kPerceptronKind,
        LinearMarginClassifier::kPassiveAggressiveKind,
        GaussianNb::kKind,
        SoftmaxRegression::kKind,
        MlpClassifier::kKind,
        HoeffdingTree::kKind};
    return names;
}

std::unique_ptr<OnlineClassifier> make_learner(std::string_view name, std::vector<int> classes,
                                               std::size_t n_features) {
    // Defaults: the original pipeline's SGD settings, scikit-learn's for the others.
    if (name == SgdClassifier::kKind)
        return std::make_unique<SgdClassifier>(SgdParams{}, std::move(classes), n_features);
    if (name == LinearMarginClassifier::kPerceptronKind)
        return std::make_unique<LinearMarginClassifier>(MarginRule::Perceptron, 1.0,
                                                        std::move(classes), n_features);
    if (name == LinearMarginClassifier::kPassiveAggressiveKind)
        return std::make_unique<LinearMarginClassifier>(MarginRule::PassiveAggressive, 1.0,
                                                        std::move(classes), n_features);
    if (name == GaussianNb::kKind)
        return std::make_unique<GaussianNb>(std::move(classes), n_features);
    if (name == SoftmaxRegression::kKind)
        return std::make_unique<SoftmaxRegression>(SoftmaxParams{}, std::move(classes), n_features);
    if (name == MlpClassifier::kKind)
        return std::make_unique<MlpClassifier>(MlpParams{}, std::move(classes), n_features);
    if (name == HoeffdingTree::kKind)
        return std::make_unique<HoeffdingTree>(HoeffdingTreeParams{}, std::move(classes),
                                               n_features);
    std::string known;
    for (const std::string_view n : learner_names())
        known += (known.empty() ? "" : ", ") + std::string(n);
    throw std::invalid_argument("unknown learner '" + std::string(name) + "' (known: " + known +
                                ")");
}

std::unique_ptr<OnlineClassifier> read_learner_state(std::string_view kind, codec::ByteReader& in) {
    if (kind == SgdClassifier::kKind)
        return std::make_unique<SgdClassifier>(SgdClassifier::read_state(in));
    if (kind == LinearMarginClassifier::kPerceptronKind)
        return std::make_unique<LinearMarginClassifier>(
            LinearMarginClassifier::read_state(MarginRule::Perceptron, in));
    if (kind == LinearMarginClassifier::kPassiveAggressiveKind)
        return std::make_unique<LinearMarginClassifier>(
            LinearMarginClassifier::read_state(MarginRule::PassiveAggressive, in));
    if (kind == GaussianNb::kKind) return std::make_unique<GaussianNb>(GaussianNb::read_state(in));
    if (kind == SoftmaxRegression::kKind)
        return std::make_unique<SoftmaxRegression>(SoftmaxRegression::read_state(in));
    if (kind == MlpClassifier::kKind)
        return std::make_unique<MlpClassifier>(MlpClassifier::read_state(in));
    if (kind == HoeffdingTree::kKind)
        return std::make_unique<HoeffdingTree>(HoeffdingTree::read_state(in));
    throw ModelFormatError("model file holds an unsupported learner '" + std::string(kind) + "'");
}

} // namespace liveml::online
