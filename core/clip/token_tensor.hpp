#pragma once
// Token batches as the [batch, tokens] int64 tensor the text tower takes. Torch header.
#include "tokenizer/clip_tokenizer.hpp"

#include <torch/torch.h>

namespace liveml::clip {

// Keeps only the columns up to the longest row's end token: with the causal mask, padding
// after the end token cannot change the pooled output, so this is exact and much cheaper
// than running all context_length positions.
torch::Tensor token_tensor(const tokenizer::TokenBatch& batch);

} // namespace liveml::clip
