#include "clip/clip_encoder.hpp"

#include "clip/autocast_scope.hpp"
#include "clip/clip_runtime.hpp"
#include "clip/image_input.hpp"
#include "clip/model_io.hpp"
#include "clip/peft_adapter.hpp"
#include "clip/token_tensor.hpp"
#include "tokenizer/clip_tokenizer.hpp"

#include <algorithm>
#include <stdexcept>

namespace liveml::clip {
namespace {

void append_rows(retrieval::Matrix& out, const torch::Tensor& rows) {
    const auto cpu = rows.to(torch::kCPU, torch::kFloat32).contiguous();
    const auto* p = cpu.data_ptr<float>();
    out.data.insert(out.data.end(), p, p + cpu.numel());
    out.rows += static_cast<std::size_t>(cpu.size(0));
}

} // namespace

struct ClipEncoder::Impl {
    ClipModel model{nullptr};
    tokenizer::ClipTokenizer tokens;
    torch::Device device;
    bool bf16 = false; // forward under bf16 autocast (RuntimeOptions::precision)

    // Unit-length fp32 embeddings, whatever precision the forward ran in.
    torch::Tensor images(const torch::Tensor& pixels) {
        const AutocastScope autocast(device, bf16);
        return l2_normalize(model->encode_image(pixels).to(torch::kFloat32));
    }
    torch::Tensor texts(const torch::Tensor& ids) {
        const AutocastScope autocast(device, bf16);
        return l2_normalize(model->encode_text(ids).to(torch::kFloat32));
    }
};

ClipEncoder::ClipEncoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClipEncoder::ClipEncoder(ClipEncoder&&) noexcept = default;
ClipEncoder& ClipEncoder::operator=(ClipEncoder&&) noexcept = default;
ClipEncoder::~ClipEncoder() = default;

ClipEncoder ClipEncoder::load(const std::filesystem::path& dir, const RuntimeOptions& runtime,
                              const std::filesystem::path& adapter) {
    const auto device = apply_runtime(runtime);
    auto model = load_clip_model(dir);
    if (!adapter.empty()) read_peft_adapter(adapter, *model).merge();
    tokenizer::TokenizerOptions options;
    options.context_length = static_cast<int>(model->config().text.max_position_embeddings);
    auto tokens = tokenizer::ClipTokenizer::from_directory(dir, options);
    if (static_cast<std::int64_t>(tokens.vocab_size()) > model->config().text.vocab_size)
        throw std::runtime_error(dir.string() + ": vocab.json has more tokens than the model's "
                                                "text_config.vocab_size");
    model->to(device);
    model->eval();
    const bool bf16 = bf16_autocast(runtime, device, /*training=*/false);
    return ClipEncoder(std::make_unique<Impl>(Impl{model, std::move(tokens), device, bf16}));
}

retrieval::Matrix ClipEncoder::encode_texts(std::span<const std::string> texts,
                                            std::size_t batch_size) const {
    torch::NoGradGuard no_grad;
    retrieval::Matrix out{0, embedding_dim(), {}};
    out.data.reserve(texts.size() * out.cols);
    batch_size = std::max<std::size_t>(batch_size, 1);
    for (std::size_t begin = 0; begin < texts.size(); begin += batch_size) {
        const auto chunk = texts.subspan(begin, std::min(batch_size, texts.size() - begin));
        const auto ids = token_tensor(impl_->tokens.encode_batch(chunk)).to(impl_->device);
        append_rows(out, impl_->texts(ids));
    }
    return out;
}

retrieval::Matrix ClipEncoder::encode_token_ids(std::span<const std::int64_t> ids, std::size_t rows,
                                                std::size_t cols) const {
    if (ids.size() != rows * cols || cols == 0)
        throw std::invalid_argument("token id buffer does not hold rows x cols ids");
    const auto vocab = config().text.vocab_size;
    for (const auto id : ids)
        if (id < 0 || id >= vocab) throw std::invalid_argument("token id outside the vocabulary");
    torch::NoGradGuard no_grad;
    const auto tensor =
        torch::from_blob(const_cast<std::int64_t*>(ids.data()),
                         {static_cast<std::int64_t>(rows), static_cast<std::int64_t>(cols)},
                         torch::kInt64)
            .to(impl_->device);
    retrieval::Matrix out{0, embedding_dim(), {}};
    append_rows(out, impl_->texts(tensor));
    return out;
}

retrieval::Matrix ClipEncoder::encode_pixels(std::span<const float> pixels, std::size_t count,
                                             std::size_t batch_size) const {
    const auto& v = config().vision;
    const auto per_image = image_input_floats(config());
    if (pixels.size() != count * per_image)
        throw std::invalid_argument("pixel buffer does not hold `count` model inputs");
    torch::NoGradGuard no_grad;
    retrieval::Matrix out{0, embedding_dim(), {}};
    out.data.reserve(count * out.cols);
    batch_size = std::max<std::size_t>(batch_size, 1);
    for (std::size_t begin = 0; begin < count; begin += batch_size) {
        const auto n = static_cast<std::int64_t>(std::min(batch_size, count - begin));
        // from_blob does not copy; the model only reads the batch.
        auto* first = const_cast<float*>(pixels.data() + begin * per_image);
        const auto batch = torch::from_blob(first, {n, v.num_channels, v.image_size, v.image_size},
                                            torch::kFloat32)
                               .to(impl_->device);
        append_rows(out, impl_->images(batch));
    }
    return out;
}

const ClipConfig& ClipEncoder::config() const {
    return impl_->model->config();
}
std::size_t ClipEncoder::embedding_dim() const {
    return static_cast<std::size_t>(config().projection_dim);
}
double ClipEncoder::logit_scale() const {
    return impl_->model->logit_scale.exp().item<double>();
}
std::string ClipEncoder::device() const {
    return device_text(impl_->device);
}
ParameterCounts ClipEncoder::parameter_counts() const {
    return count_parameters(*impl_->model);
}

} // namespace liveml::clip
