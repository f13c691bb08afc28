// liveml clip embed: raw model outputs for given pixel tensors and token ids, the hook that
// parity checks against other implementations (scripts/clip_hf_parity.py) go through.
#include "clip/clip_encoder.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "help_footer.hpp"
#include "json_output.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstring>
#include <memory>

namespace liveml::cli {
namespace {

struct EmbedArgs {
    ModelFlags model;
    std::string inputs;
    std::string out;
    ClipJobFlags flags;
};

std::vector<std::int64_t> read_ids(const safetensors::SafetensorsFile& file,
                                   const safetensors::TensorInfo& info) {
    if (info.dtype != safetensors::Dtype::I64 || info.shape.size() != 2)
        throw std::invalid_argument("input_ids must be I64 [batch, tokens]");
    const auto bytes = file.bytes(info);
    std::vector<std::int64_t> ids(info.numel());
    std::memcpy(ids.data(), bytes.data(), bytes.size()); // little-endian host, as the format
    return ids;
}

void add_matrix(safetensors::SafetensorsWriter& writer, const std::string& name,
                const retrieval::Matrix& m) {
    writer.add(name, safetensors::Dtype::F32,
               {static_cast<std::int64_t>(m.rows), static_cast<std::int64_t>(m.cols)}, m.data);
}

void run_embed(const EmbedArgs& args) {
    run_clip_job("embed", args.flags, [&](JobReporter& reporter) {
        reporter.progress("load", 0, 2);
        const auto encoder =
            clip::ClipEncoder::load(args.model.dir, args.flags.runtime, args.model.adapter);
        const auto file = safetensors::SafetensorsFile::open(args.inputs);
        if (!file.find("pixel_values") && !file.find("input_ids"))
            throw std::runtime_error(args.inputs + " holds neither pixel_values nor input_ids");
        reporter.progress("embed", 1, 2);
        safetensors::SafetensorsWriter writer;
        retrieval::Matrix images, texts;
        if (const auto* info = file.find("pixel_values")) {
            const auto& v = encoder.config().vision;
            const std::vector<std::int64_t> want{v.num_channels, v.image_size, v.image_size};
            if (info->shape.size() != 4 ||
                !std::equal(want.begin(), want.end(), info->shape.begin() + 1))
                throw std::invalid_argument(
                    "pixel_values must be [batch, " + std::to_string(v.num_channels) + ", " +
                    std::to_string(v.image_size) + ", " + std::to_string(v.image_size) + "]");
            images = encoder.encode_pixels(file.to_float32(*info),
                                           static_cast<std::size_t>(info->shape[0]));
            add_matrix(writer, "image_embeds", images);
        }
        if (const auto* info = file.find("input_ids")) {
            texts = encoder.encode_token_ids(read_ids(file, *info),
                                             static_cast<std::size_t>(info->shape[0]),
                                             static_cast<std::size_t>(info->shape[1]));
            add_matrix(writer, "text_embeds", texts);
        }
        if (images.rows > 0 && texts.rows > 0) {
            auto logits = retrieval::matmul_transposed(images, texts);
            for (auto& value : logits.data)
                value *= static_cast<float>(encoder.logit_scale());
            add_matrix(writer, "logits_per_image", logits);
        }
        writer.write(args.out);
        reporter.result(JsonObject()
                            .add("out", args.out)
                            .add("images", static_cast<std::uint64_t>(images.rows))
                            .add("texts", static_cast<std::uint64_t>(texts.rows)));
    });
}

} // namespace

void register_clip_embed(CLI::App& clip) {
    auto args = std::make_shared<EmbedArgs>();
    auto* cmd = clip.add_subcommand(
        "embed", "Normalised embeddings and logits for pixel_values / input_ids in a "
                 "safetensors file");
    args->model.add_to(*cmd);
    cmd->add_option("--inputs", args->inputs,
                    "safetensors with pixel_values F32 [B,C,S,S] "
                    "and/or input_ids I64 [B,T]")
        ->required();
    cmd->add_option("--out", args->out, "safetensors to write")->required();
    args->flags.add_to(*cmd);
    args->flags.add_devices_to(*cmd);
    cmd->footer(help_footer(
        "  liveml-clip embed --model model --inputs in.safetensors --out out.safetensors\n"));
    cmd->callback([args] { run_embed(*args); });
}

} // namespace liveml::cli
