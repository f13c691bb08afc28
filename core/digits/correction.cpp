#include "digits/correction.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "digits/digit_augmentation.hpp"

namespace liveml::digits {

void learn_correction(online::OnlineClassifier& model, const Features& drawing, int label,
                      int copies, std::uint64_t seed) {
    if (copies < 1)
        throw std::invalid_argument("a correction needs at least one copy, not " +
                                    std::to_string(copies));
    const auto& classes = model.classes();
    if (!std::binary_search(classes.begin(), classes.end(), label))
        throw std::invalid_argument("the model has no class " + std::to_string(label));
    AugmentOptions variations;
    variations.variants_per_sample = copies - 1;
    variations.seed = seed;
    for (const DigitSample& sample : augment_digits({{drawing, label}}, variations))
        model.partial_fit(to_doubles(sample.x), sample.label);
}

} // namespace liveml::digits
