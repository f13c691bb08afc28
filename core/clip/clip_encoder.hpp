#pragma once
// A loaded CLIP model directory that turns texts and preprocessed images into L2-normalised
// embeddings. Torch-free interface (pimpl) so CLI commands compile without LibTorch headers.
#include "clip/clip_config.hpp"
#include "clip/runtime_options.hpp"
#include "retrieval/matrix.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace liveml::clip {

class ClipEncoder {
  public:
    // Reads config.json, model.safetensors, vocab.json and merges.txt from `dir`, and merges
    // the LoRA adapter in `adapter` (PEFT layout) into the weights when one is named. Throws
    // std::runtime_error naming the file and the problem.
    static ClipEncoder load(const std::filesystem::path& dir, const RuntimeOptions& runtime = {},
                            const std::filesystem::path& adapter = {});

    ClipEncoder(ClipEncoder&&) noexcept;
    ClipEncoder& operator=(ClipEncoder&&) noexcept;
    ~ClipEncoder();

    // One unit-norm row per text, computed `batch_size` texts at a time.
    retrieval::Matrix encode_texts(std::span<const std::string> texts,
                                   std::size_t batch_size = 256) const;
    // Token ids exactly as given ([rows, cols], row-major), e.g. from another tokenizer.
    retrieval::Matrix encode_token_ids(std::span<const std::int64_t> ids, std::size_t rows,
                                       std::size_t cols) const;
    // `pixels` holds `count` images, each image_input_floats(config()) floats (see
    // image_input.hpp). One unit-norm row per image.
    retrieval::Matrix encode_pixels(std::span<const float> pixels, std::size_t count,
                                    std::size_t batch_size = 64) const;

    const ClipConfig& config() const;
    std::size_t embedding_dim() const;
    // exp(logit_scale): the factor CLIP multiplies cosine similarities by.
    double logit_scale() const;
    std::string device() const;
    ParameterCounts parameter_counts() const;

  private:
    struct Impl;
    explicit ClipEncoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace liveml::clip
