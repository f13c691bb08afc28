// liveml clip index: embed a gallery (an image folder, incrementally, or a built-in split)
// into a retrieval index directory.
#include "clip/clip_encoder.hpp"
#include "clip/clip_evaluation.hpp"
#include "clip/image_input.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "commands.hpp"
#include "datasets/user_images.hpp"
#include "json_output.hpp"
#include "retrieval/index_sync.hpp"
#include "retrieval/vector_index.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>

namespace liveml::cli {
namespace {

namespace fs = std::filesystem;

struct IndexArgs {
    std::string model;
    std::string index;
    std::string gallery; // image folder
    std::string dataset; // or a built-in labelled split
    std::string split = "test";
    std::size_t max_items = 0;
    std::size_t batch_size = 64;
    ClipJobFlags flags;
};

retrieval::VectorIndex open_index(const fs::path& dir, std::size_t dim) {
    if (!fs::exists(dir / "index.json")) return retrieval::VectorIndex(dim);
    auto index = retrieval::VectorIndex::load(dir);
    if (index.dim() != dim)
        throw std::runtime_error(dir.string() + " holds " + std::to_string(index.dim()) +
                                 "-d embeddings from another model; this one makes " +
                                 std::to_string(dim) + "-d");
    return index;
}

struct FolderCounts {
    std::size_t added = 0, removed = 0, unchanged = 0, failed = 0;
};

FolderCounts sync_folder(const IndexArgs& args, const clip::ClipEncoder& encoder,
                         retrieval::VectorIndex& index, JobReporter& reporter) {
    const fs::path root = args.gallery;
    const auto plan = retrieval::plan_sync(index, datasets::scan_image_folder(root));
    FolderCounts counts;
    counts.unchanged = plan.unchanged;
    counts.removed = index.remove(plan.to_remove);
    const auto per_image = clip::image_input_floats(encoder.config());
    const auto total = static_cast<std::int64_t>(plan.to_embed.size());
    for (std::size_t begin = 0; begin < plan.to_embed.size(); begin += args.batch_size) {
        std::vector<float> pixels;
        std::vector<retrieval::ItemMeta> items;
        const auto end = std::min(plan.to_embed.size(), begin + args.batch_size);
        for (std::size_t i = begin; i < end; ++i) {
            const auto& entry = plan.to_embed[i];
            std::vector<float> one(per_image);
            try {
                clip::image_file_input(root / entry.path, encoder.config(), one);
            } catch (const std::exception& e) {
                reporter.item(
                    "skipped",
                    JsonObject().add("image", entry.path.string()).add("reason", e.what()));
                ++counts.failed;
                continue;
            }
            pixels.insert(pixels.end(), one.begin(), one.end());
            items.push_back({entry.path.generic_string(), entry.size, entry.mtime_ns, "", -1});
        }
        if (const auto count = items.size(); count > 0) {
            counts.added += count;
            index.add(encoder.encode_pixels(pixels, count, args.batch_size), std::move(items));
        }
        reporter.progress("embed", static_cast<std::int64_t>(end), total);
    }
    return counts;
}

std::size_t index_dataset(const IndexArgs& args, const clip::ClipEncoder& encoder,
                          retrieval::VectorIndex& index, JobReporter& reporter) {
    const auto data = clip::load_labelled_split(args.dataset, args.split, args.max_items);
    index.remove(index.ids()); // a built-in split is re-embedded whole
    reporter.progress("embed", 0, static_cast<std::int64_t>(data.size()));
    std::vector<retrieval::ItemMeta> items;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto label = data.labels[i];
        items.push_back({args.dataset + "/" + args.split + "/" + std::to_string(i), 0, 0,
                         data.class_names[static_cast<std::size_t>(label)], label});
    }
    index.add(encoder.encode_pixels(clip::dataset_pixels(data, encoder.config()), data.size(),
                                    args.batch_size),
              std::move(items));
    reporter.progress("embed", static_cast<std::int64_t>(data.size()),
                      static_cast<std::int64_t>(data.size()));
    return data.size();
}

void run_index(const IndexArgs& args) {
    run_clip_job(args.flags, [&](JobReporter& reporter) {
        if (args.gallery.empty() == args.dataset.empty())
            throw std::invalid_argument("give either --gallery FOLDER or --dataset NAME");
        if (args.batch_size == 0) throw std::invalid_argument("--batch-size must be > 0");
        reporter.progress("load", 0, 1);
        const auto encoder = clip::ClipEncoder::load(args.model, args.flags.runtime);
        auto index = open_index(args.index, encoder.embedding_dim());
        JsonObject fields;
        FolderCounts counts;
        if (!args.gallery.empty()) {
            counts = sync_folder(args, encoder, index, reporter);
            fields.add("gallery", fs::absolute(args.gallery).string());
        } else {
            counts.added = index_dataset(args, encoder, index, reporter);
            fields.add("gallery", args.dataset + "/" + args.split);
        }
        reporter.progress("save", 0, 1);
        index.save(args.index);
        fields.add("index", args.index)
            .add("added", static_cast<std::uint64_t>(counts.added))
            .add("removed", static_cast<std::uint64_t>(counts.removed))
            .add("unchanged", static_cast<std::uint64_t>(counts.unchanged))
            .add("failed", static_cast<std::uint64_t>(counts.failed))
            .add("size", static_cast<std::uint64_t>(index.size()))
            .add("kind", index.active_kind() == retrieval::IndexKind::Hnsw ? "hnsw" : "flat");
        reporter.result(fields);
        if (counts.failed > 0) throw CLI::RuntimeError(kPartial);
    });
}

} // namespace

void register_clip_index(CLI::App& clip) {
    auto args = std::make_shared<IndexArgs>();
    auto* cmd = clip.add_subcommand(
        "index", "Embed a gallery into an index directory; re-runs embed only new or changed "
                 "files and drop deleted ones");
    cmd->add_option("--model", args->model, "model directory")->required();
    cmd->add_option("--index", args->index, "index directory (created or updated)")->required();
    cmd->add_option("--gallery", args->gallery, "image folder (scanned recursively)");
    cmd->add_option("--dataset", args->dataset, "or a built-in split: fashion-mnist, digits");
    cmd->add_option("--split", args->split, "train or test")->capture_default_str();
    cmd->add_option("--max-items", args->max_items, "first N items of the split (0 = all)");
    cmd->add_option("--batch-size", args->batch_size, "images per forward pass")
        ->capture_default_str();
    args->flags.add_to(*cmd);
    cmd->callback([args] { run_index(*args); });
}

} // namespace liveml::cli
