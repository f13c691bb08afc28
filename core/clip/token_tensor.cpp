#include "clip/token_tensor.hpp"

#include <algorithm>
#include <cstdint>

namespace liveml::clip {

torch::Tensor token_tensor(const tokenizer::TokenBatch& batch) {
    const auto rows = static_cast<std::int64_t>(batch.size());
    const auto context = static_cast<std::int64_t>(batch.context_length);
    const auto longest =
        rows == 0 ? 0 : *std::max_element(batch.lengths.begin(), batch.lengths.end());
    const auto full = torch::from_blob(const_cast<std::int64_t*>(batch.ids.data()), {rows, context},
                                       torch::kInt64);
    return full.narrow(1, 0, std::max<std::int64_t>(longest, 1)).clone();
}

} // namespace liveml::clip
