// liveml clip index: embed a gallery (an image folder, incrementally, or a built-in split)
// into a retrieval index directory.
#include "clip/clip_encoder.hpp"
#include "clip/clip_evaluation.hpp"
#include "clip/image_input.hpp"
#include "clip/model_fingerprint.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "dataset_flags.hpp"
#include "datasets/user_images.hpp"
#include "exit_codes.hpp"
#include "help_footer.hpp"
#include "interrupt_flag.hpp"
#include "json_output.hpp"
#include "retrieval/index_sync.hpp"
#include "retrieval/vector_index.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <unordered_set>

namespace liveml::cli {
namespace {

namespace fs = std::filesystem;

struct IndexArgs {
    std::string model;
    std::string index;
    std::string gallery; // image folder
    DatasetFlags data;   // or a built-in labelled split
    std::size_t batch_size = 64;
    ClipJobFlags flags;
};

// The index in `dir`, or a new one. Embeddings of another model (or an older checkpoint of
// this one) cannot be mixed with new ones: such an index starts over, reporting how many
// entries it dropped.
retrieval::VectorIndex open_index(const fs::path& dir, std::size_t dim, const std::string& source,
                                  std::size_t& dropped) {
    dropped = 0;
    retrieval::VectorIndex fresh(dim);
    fresh.set_source(source);
    if (!fs::exists(dir / "index.json")) return fresh;
    auto index = retrieval::VectorIndex::load(dir);
    if (index.dim() != dim || index.source() != source) {
        dropped = index.size();
        return fresh;
    }
    return index;
}

struct IndexCounts {
    std::size_t added = 0, replaced = 0, removed = 0, unchanged = 0, failed = 0;
    bool stopped = false;
};

// Writes item i's model input and returns its metadata, or nullopt to leave it out.
using PrepareItem =
    std::function<std::optional<retrieval::ItemMeta>(std::size_t i, std::span<float> input)>;

// Embeds items [0, count) batch by batch into `index`, polling `interrupt` between batches so
// a stopped run keeps what it embedded (a re-run embeds the rest). Returns true when stopped.
bool embed_in_batches(std::size_t count, const PrepareItem& prepare, const IndexArgs& args,
                      const clip::ClipEncoder& encoder, retrieval::VectorIndex& index,
                      JobReporter& reporter, const InterruptFlag& interrupt) {
    const auto per_image = clip::image_input_floats(encoder.config());
    const auto total = static_cast<std::int64_t>(count);
    reporter.progress("embed", 0, total);
    for (std::size_t begin = 0; begin < count; begin += args.batch_size) {
        if (interrupt.raised()) return true;
        const auto end = std::min(count, begin + args.batch_size);
        std::vector<float> pixels((end - begin) * per_image);
        std::vector<retrieval::ItemMeta> items;
        for (std::size_t i = begin; i < end; ++i)
            if (auto meta = prepare(i, {pixels.data() + items.size() * per_image, per_image}))
                items.push_back(std::move(*meta));
        if (const auto n = items.size(); n > 0) {
            pixels.resize(n * per_image);
            auto embeddings = encoder.encode_pixels(pixels, n, args.batch_size);
            index.add(std::move(embeddings), std::move(items));
        }
        reporter.progress("embed", static_cast<std::int64_t>(end), total);
    }
    return false;
}

IndexCounts sync_folder(const IndexArgs& args, const clip::ClipEncoder& encoder,
                        retrieval::VectorIndex& index, JobReporter& reporter,
                        const InterruptFlag& interrupt) {
    const fs::path root = args.gallery;
    const auto scanned = datasets::scan_image_folder(root);
    if (scanned.empty())
        throw std::runtime_error(root.string() +
                                 " holds no image files (png, jpg, jpeg, bmp, gif, pgm, ppm, "
                                 "pnm, tga)");
    const auto plan = retrieval::plan_sync(index, scanned);
    IndexCounts counts;
    counts.unchanged = plan.unchanged;
    counts.removed = index.remove(plan.deleted);
    // Old versions of changed files leave together at the end (an HNSW index rebuilds on
    // every removal), and only for the files this run reached.
    std::vector<std::int64_t> superseded;
    const auto prepare = [&](std::size_t i,
                             std::span<float> input) -> std::optional<retrieval::ItemMeta> {
        const auto& [entry, replaces] = plan.to_embed[i];
        if (replaces) superseded.push_back(*replaces);
        try {
            clip::image_file_input(root / entry.path, encoder.config(), input);
        } catch (const std::exception& e) {
            reporter.skipped(entry.path.generic_string(), e.what());
            ++counts.failed;
            if (replaces) ++counts.removed; // its stale embedding goes too
            return std::nullopt;
        }
        ++(replaces ? counts.replaced : counts.added);
        return retrieval::ItemMeta{entry.path.generic_string(), entry.size, entry.mtime_ns, "", -1};
    };
    counts.stopped =
        embed_in_batches(plan.to_embed.size(), prepare, args, encoder, index, reporter, interrupt);
    index.remove(superseded);
    return counts;
}

// A built-in split is a gallery of items named "<dataset>/<split>/<i>": items already in the
// index are kept (so a stopped run resumes), others of the index are dropped.
IndexCounts index_dataset(const IndexArgs& args, const clip::ClipEncoder& encoder,
                          retrieval::VectorIndex& index, JobReporter& reporter,
                          const InterruptFlag& interrupt) {
    const auto data =
        clip::load_labelled_split(args.data.name, args.data.split, args.data.max_items);
    const auto name = [&](std::size_t i) {
        return args.data.name + "/" + args.data.split + "/" + std::to_string(i);
    };
    std::unordered_set<std::string> wanted;
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < data.size(); ++i) {
        wanted.insert(name(i));
        if (!index.find_path(name(i))) todo.push_back(i);
    }
    std::vector<std::int64_t> stale;
    for (const auto id : index.ids())
        if (!wanted.contains(index.meta(id)->path)) stale.push_back(id);
    IndexCounts counts;
    counts.removed = index.remove(stale);
    counts.unchanged = data.size() - todo.size();
    const auto prepare = [&](std::size_t t, std::span<float> input) {
        const auto i = todo[t];
        clip::gray_image_input(data.image(i), data.width, data.height, encoder.config(), input);
        ++counts.added;
        const auto label = data.labels[i];
        return std::optional<retrieval::ItemMeta>(retrieval::ItemMeta{
            name(i), 0, 0, data.class_names[static_cast<std::size_t>(label)], label});
    };
    counts.stopped =
        embed_in_batches(todo.size(), prepare, args, encoder, index, reporter, interrupt);
    return counts;
}

void run_index(const IndexArgs& args) {
    run_clip_job("index", args.flags, [&](JobReporter& reporter) {
        if (args.gallery.empty() == args.data.name.empty())
            throw UsageError("give either --gallery FOLDER or --dataset NAME");
        const InterruptFlag interrupt;
        reporter.progress("load", 0, 1);
        const auto encoder = clip::ClipEncoder::load(args.model, args.flags.runtime);
        std::size_t dropped = 0;
        auto index = open_index(args.index, encoder.embedding_dim(),
                                clip::model_fingerprint(args.model), dropped);
        JsonObject fields;
        IndexCounts counts;
        if (!args.gallery.empty()) {
            counts = sync_folder(args, encoder, index, reporter, interrupt);
            fields.add("gallery", fs::absolute(args.gallery).string());
        } else {
            counts = index_dataset(args, encoder, index, reporter, interrupt);
            fields.add("gallery", args.data.name + "/" + args.data.split);
        }
        counts.removed += dropped;
        reporter.progress("save", 0, 1);
        index.save(args.index);
        fields.add("index", args.index)
            .add("added", static_cast<std::uint64_t>(counts.added))
            .add("replaced", static_cast<std::uint64_t>(counts.replaced))
            .add("removed", static_cast<std::uint64_t>(counts.removed))
            .add("unchanged", static_cast<std::uint64_t>(counts.unchanged))
            .add("failed", static_cast<std::uint64_t>(counts.failed))
            .add("size", static_cast<std::uint64_t>(index.size()))
            .add("kind", index.active_kind() == retrieval::IndexKind::Hnsw ? "hnsw" : "flat")
            .add("stopped", counts.stopped);
        reporter.result(fields);
        if (counts.stopped) throw CLI::RuntimeError(kInterrupted);
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
    args->data.add_to(*cmd, {});
    cmd->add_option("--batch-size", args->batch_size, "images per forward pass")
        ->check(CLI::Range(std::size_t{1}, std::size_t{65536}))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    cmd->footer(
        help_footer("  liveml-clip index --model model --index idx --gallery photos/ --json\n"));
    cmd->callback([args] { run_index(*args); });
}

} // namespace liveml::cli
