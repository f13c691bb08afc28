#include "clip/clip_encoder.hpp"

#include "clip/autocast_scope.hpp"
#include "clip/clip_runtime.hpp"
#include "clip/image_input.hpp"
#include "clip/model_io.hpp"
#include "clip/peft_adapter.hpp"
#include "clip/process_rank.hpp"
#include "clip/replica_workers.hpp"
#include "clip/token_tensor.hpp"
#include "tokenizer/clip_tokenizer.hpp"

#include <algorithm>
#include <functional>
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

// One copy of the model: both towers on one device, or (placement "towers") the text tower on
// a second one.
struct Replica {
    ClipModel model{nullptr};
    torch::Device image_device{torch::kCPU}, text_device{torch::kCPU};
    bool split_towers = false;
};

struct ClipEncoder::Impl {
    std::vector<Replica> replicas;
    tokenizer::ClipTokenizer tokens;
    bool bf16 = false; // forward under bf16 autocast (RuntimeOptions::precision)
    // Set with more than one replica: replica i runs on worker i.
    std::unique_ptr<ReplicaWorkers> workers;

    ClipModelImpl& model() const { return *replicas.front().model.ptr(); }

    // Unit-length fp32 embeddings, whatever precision the forward ran in.
    torch::Tensor images(Replica& r, const torch::Tensor& pixels) const {
        const AutocastScope autocast(r.image_device, bf16);
        return l2_normalize(r.model->encode_image(pixels.to(r.image_device)).to(torch::kFloat32));
    }
    torch::Tensor texts(Replica& r, const torch::Tensor& ids) const {
        const AutocastScope autocast(r.text_device, bf16);
        return l2_normalize(r.model->encode_text(ids.to(r.text_device)).to(torch::kFloat32));
    }

    // Rows [0, count) as one matrix in order: each replica encodes a contiguous share at the
    // same time, encode(replica, begin, n) appending its rows to the matrix it is given.
    retrieval::Matrix split_rows(
        std::size_t count, std::size_t cols,
        const std::function<void(Replica&, std::size_t, std::size_t, retrieval::Matrix&)>& encode) {
        const auto shards = static_cast<int>(replicas.size());
        std::vector<retrieval::Matrix> parts(replicas.size(), retrieval::Matrix{0, cols, {}});
        const auto run = [&](std::size_t i) {
            const torch::NoGradGuard no_grad; // grad mode is per thread: set where it runs
            const auto share = shard_rows(count, static_cast<int>(i), shards);
            parts[i].data.reserve(share.count * cols);
            if (share.count > 0) encode(replicas[i], share.begin, share.count, parts[i]);
        };
        if (workers)
            workers->run_all(run);
        else
            run(0);
        retrieval::Matrix out = std::move(parts.front());
        for (std::size_t i = 1; i < parts.size(); ++i) {
            out.data.insert(out.data.end(), parts[i].data.begin(), parts[i].data.end());
            out.rows += parts[i].rows;
        }
        return out;
    }
};

namespace {

// The replicas `runtime` asks for, each with its own copy of the weights (and adapter).
std::vector<Replica> place_replicas(const std::filesystem::path& dir, const RuntimeOptions& runtime,
                                    const std::filesystem::path& adapter,
                                    const torch::Device& device) {
    const auto load = [&] {
        auto model = load_clip_model(dir);
        if (!adapter.empty()) read_peft_adapter(adapter, *model).merge();
        model->eval();
        return model;
    };
    std::vector<Replica> replicas;
    if (runtime.devices.empty()) {
        replicas.push_back({load(), device, device});
    } else if (runtime.placement == "towers") {
        const auto devices = split_devices(runtime.devices);
        Replica r{load(), pick_device(devices[0]), pick_device(devices[1]), true};
        r.model->to(r.image_device);
        r.model->text_model->to(r.text_device);
        r.model->text_projection->to(r.text_device);
        replicas.push_back(std::move(r));
        return replicas;
    } else {
        for (const auto& name : split_devices(runtime.devices)) {
            const auto d = pick_device(name);
            replicas.push_back({load(), d, d});
        }
    }
    for (auto& r : replicas)
        r.model->to(r.image_device);
    return replicas;
}

// CPU replicas share the job's threads; GPU replicas keep LibTorch's setting.
std::vector<int> worker_threads(const std::vector<Replica>& replicas, int threads) {
    const auto cpu = std::count_if(replicas.begin(), replicas.end(),
                                   [](const Replica& r) { return !r.image_device.is_cuda(); });
    std::vector<int> out;
    for (const auto& r : replicas)
        out.push_back(r.image_device.is_cuda()
                          ? 0
                          : std::max(1, threads / static_cast<int>(std::max<long>(cpu, 1))));
    return out;
}

} // namespace

ClipEncoder::ClipEncoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClipEncoder::ClipEncoder(ClipEncoder&&) noexcept = default;
ClipEncoder& ClipEncoder::operator=(ClipEncoder&&) noexcept = default;
ClipEncoder::~ClipEncoder() = default;

ClipEncoder ClipEncoder::load(const std::filesystem::path& dir, const RuntimeOptions& runtime,
                              const std::filesystem::path& adapter) {
    const auto device = apply_runtime(runtime);
    check_placement(runtime.placement, runtime.devices);
    auto replicas = place_replicas(dir, runtime, adapter, device);
    const auto& config = replicas.front().model->config();
    tokenizer::TokenizerOptions options;
    options.context_length = static_cast<int>(config.text.max_position_embeddings);
    auto tokens = tokenizer::ClipTokenizer::from_directory(dir, options);
    if (static_cast<std::int64_t>(tokens.vocab_size()) > config.text.vocab_size)
        throw std::runtime_error(dir.string() + ": vocab.json has more tokens than the model's "
                                                "text_config.vocab_size");
    const bool bf16 = bf16_autocast(runtime, replicas.front().image_device, /*training=*/false);
    auto workers = replicas.size() > 1
                       ? std::make_unique<ReplicaWorkers>(worker_threads(replicas, runtime.threads))
                       : nullptr;
    auto impl = std::make_unique<Impl>(
        Impl{std::move(replicas), std::move(tokens), bf16, std::move(workers)});
    return ClipEncoder(std::move(impl));
}

retrieval::Matrix ClipEncoder::encode_texts(std::span<const std::string> texts,
                                            std::size_t batch_size) const {
    batch_size = std::max<std::size_t>(batch_size, 1);
    return impl_->split_rows(
        texts.size(), embedding_dim(),
        [&](Replica& r, std::size_t first, std::size_t count, retrieval::Matrix& out) {
            for (std::size_t begin = first; begin < first + count; begin += batch_size) {
                const auto chunk =
                    texts.subspan(begin, std::min(batch_size, first + count - begin));
                append_rows(out, impl_->texts(r, token_tensor(impl_->tokens.encode_batch(chunk))));
            }
        });
}

retrieval::Matrix ClipEncoder::encode_token_ids(std::span<const std::int64_t> ids, std::size_t rows,
                                                std::size_t cols) const {
    if (ids.size() != rows * cols || cols == 0)
        throw std::invalid_argument("token id buffer does not hold rows x cols ids");
    const auto vocab = config().text.vocab_size;
    for (const auto id : ids)
        if (id < 0 || id >= vocab) throw std::invalid_argument("token id outside the vocabulary");
    return impl_->split_rows(
        rows, embedding_dim(),
        [&](Replica& r, std::size_t first, std::size_t count, retrieval::Matrix& out) {
            const auto tensor = torch::from_blob(
                const_cast<std::int64_t*>(ids.data() + first * cols),
                {static_cast<std::int64_t>(count), static_cast<std::int64_t>(cols)}, torch::kInt64);
            append_rows(out, impl_->texts(r, tensor));
        });
}

retrieval::Matrix ClipEncoder::encode_pixels(std::span<const float> pixels, std::size_t count,
                                             std::size_t batch_size) const {
    const auto& v = config().vision;
    const auto per_image = image_input_floats(config());
    if (pixels.size() != count * per_image)
        throw std::invalid_argument("pixel buffer does not hold `count` model inputs");
    batch_size = std::max<std::size_t>(batch_size, 1);
    return impl_->split_rows(
        count, embedding_dim(),
        [&](Replica& r, std::size_t first, std::size_t n_rows, retrieval::Matrix& out) {
            for (std::size_t begin = first; begin < first + n_rows; begin += batch_size) {
                const auto n =
                    static_cast<std::int64_t>(std::min(batch_size, first + n_rows - begin));
                // from_blob does not copy; the model only reads the batch.
                auto* data = const_cast<float*>(pixels.data() + begin * per_image);
                append_rows(
                    out, impl_->images(r, torch::from_blob(
                                              data, {n, v.num_channels, v.image_size, v.image_size},
                                              torch::kFloat32)));
            }
        });
}

const ClipConfig& ClipEncoder::config() const {
    return impl_->model().config();
}
std::size_t ClipEncoder::embedding_dim() const {
    return static_cast<std::size_t>(config().projection_dim);
}
double ClipEncoder::logit_scale() const {
    return impl_->model().logit_scale.exp().item<double>();
}
std::string ClipEncoder::device() const {
    std::string out;
    for (const auto& r : impl_->replicas) {
        if (!out.empty()) out += ",";
        out += device_text(r.image_device);
        if (r.split_towers) out += "+" + device_text(r.text_device);
    }
    return out;
}
ParameterCounts ClipEncoder::parameter_counts() const {
    return count_parameters(impl_->model());
}

} // namespace liveml::clip
