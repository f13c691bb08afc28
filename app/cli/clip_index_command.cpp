// liveml clip index: embed a gallery (an image folder, incrementally, or a built-in split)
// into a retrieval index directory.
#include "clip/clip_encoder.hpp"
#include "clip/clip_evaluation.hpp"
#include "clip/image_input.hpp"
#include "clip/model_fingerprint.hpp"
#include "clip/process_rank.hpp"
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

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
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
    int decode_workers = 1; // threads decoding images while the tower runs
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

// Busy time of each pipeline stage: with the stages overlapping, their sum exceeds the wall time.
struct StageSeconds {
    double decode = 0, embed = 0, insert = 0;
};

struct IndexCounts {
    std::size_t added = 0, replaced = 0, removed = 0, unchanged = 0, failed = 0;
    bool stopped = false;
    StageSeconds stages;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Writes item i's model input; returns why it cannot be used, or "" (thread-safe: called from
// the decode workers).
using DecodeItem = std::function<std::string(std::size_t i, std::span<float> input)>;
// Item i's metadata after its decode (`problem` as DecodeItem returned), or nullopt to leave it
// out; called in item order, from one thread at a time.
using AcceptItem =
    std::function<std::optional<retrieval::ItemMeta>(std::size_t i, const std::string& problem)>;

// Batch [begin, end) decoded, preprocessed and accepted: what the image tower takes next.
struct PreparedBatch {
    std::vector<float> pixels;
    std::vector<retrieval::ItemMeta> items;
    std::size_t end = 0;
    double seconds = 0; // decoding and preprocessing it took
};

PreparedBatch prepare_batch(std::size_t begin, std::size_t count, const IndexArgs& args,
                            std::size_t per_image, const DecodeItem& decode,
                            const AcceptItem& accept) {
    const auto started = std::chrono::steady_clock::now();
    PreparedBatch batch;
    batch.end = std::min(count, begin + args.batch_size);
    const auto n = batch.end - begin;
    std::vector<float> inputs(n * per_image);
    std::vector<std::string> problems(n);
    const auto decode_share = [&](std::size_t worker) {
        const auto share = clip::shard_rows(n, static_cast<int>(worker), args.decode_workers);
        for (std::size_t k = share.begin; k < share.begin + share.count; ++k)
            problems[k] = decode(begin + k, {inputs.data() + k * per_image, per_image});
    };
    std::vector<std::future<void>> helpers;
    for (int w = 1; w < args.decode_workers; ++w)
        helpers.push_back(std::async(std::launch::async, decode_share, w));
    decode_share(0);
    for (auto& h : helpers)
        h.get();
    for (std::size_t k = 0; k < n; ++k) {
        auto meta = accept(begin + k, problems[k]);
        if (!meta) continue;
        const auto* input = inputs.data() + k * per_image;
        batch.pixels.insert(batch.pixels.end(), input, input + per_image);
        batch.items.push_back(std::move(*meta));
    }
    batch.seconds = seconds_since(started);
    return batch;
}

// Embeds items [0, count) batch by batch into `index`. Three stages overlap (docs/parallel.md):
// while the image tower embeds batch k on this thread, a helper decodes and preprocesses batch
// k+1 (with --decode-workers threads) and another inserts batch k-1 into the index. `interrupt`
// is polled between batches: a batch already decoded is still embedded (its items were
// counted), the rest is left for a re-run: counts.stopped. Stage times go to counts.stages.
void embed_in_batches(std::size_t count, const DecodeItem& decode, const AcceptItem& accept,
                      const IndexArgs& args, const clip::ClipEncoder& encoder,
                      retrieval::VectorIndex& index, JobReporter& reporter,
                      const InterruptFlag& interrupt, IndexCounts& counts) {
    const auto per_image = clip::image_input_floats(encoder.config());
    const auto total = static_cast<std::int64_t>(count);
    reporter.progress("embed", 0, total);
    const auto start = [&](std::size_t begin) {
        return std::async(std::launch::async, prepare_batch, begin, count, std::cref(args),
                          per_image, std::cref(decode), std::cref(accept));
    };
    std::optional<std::future<PreparedBatch>> next;
    if (count > 0) next = start(0);
    std::future<void> inserting;
    auto& stages = counts.stages;
    while (next) {
        auto batch = next->get();
        next.reset();
        stages.decode += batch.seconds;
        if (batch.end < count) {
            if (interrupt.raised())
                counts.stopped = true;
            else
                next = start(batch.end);
        }
        const auto embed_start = std::chrono::steady_clock::now();
        retrieval::Matrix embeddings;
        if (!batch.items.empty())
            embeddings = encoder.encode_pixels(batch.pixels, batch.items.size(), args.batch_size);
        stages.embed += seconds_since(embed_start);
        if (inserting.valid()) inserting.get(); // one insert at a time, in batch order
        inserting = std::async(std::launch::async, [&index, &stages, e = std::move(embeddings),
                                                    items = std::move(batch.items)]() mutable {
            const auto insert_start = std::chrono::steady_clock::now();
            if (!items.empty()) index.add(std::move(e), std::move(items));
            stages.insert += seconds_since(insert_start);
        });
        reporter.progress("embed", static_cast<std::int64_t>(batch.end), total);
    }
    if (inserting.valid()) inserting.get();
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
    const DecodeItem decode = [&](std::size_t i, std::span<float> input) -> std::string {
        try {
            clip::image_file_input(root / plan.to_embed[i].file.path, encoder.config(), input);
            return {};
        } catch (const std::exception& e) {
            return e.what();
        }
    };
    const AcceptItem accept =
        [&](std::size_t i, const std::string& problem) -> std::optional<retrieval::ItemMeta> {
        const auto& [entry, replaces] = plan.to_embed[i];
        if (replaces) superseded.push_back(*replaces);
        if (!problem.empty()) {
            reporter.skipped(entry.path.generic_string(), problem);
            ++counts.failed;
            if (replaces) ++counts.removed; // its stale embedding goes too
            return std::nullopt;
        }
        ++(replaces ? counts.replaced : counts.added);
        return retrieval::ItemMeta{entry.path.generic_string(), entry.size, entry.mtime_ns, "", -1};
    };
    embed_in_batches(plan.to_embed.size(), decode, accept, args, encoder, index, reporter,
                     interrupt, counts);
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
    const DecodeItem decode = [&](std::size_t t, std::span<float> input) -> std::string {
        const auto i = todo[t];
        clip::gray_image_input(data.image(i), data.width, data.height, encoder.config(), input);
        return {};
    };
    const AcceptItem accept = [&](std::size_t t, const std::string&) {
        const auto i = todo[t];
        ++counts.added;
        const auto label = data.labels[i];
        return std::optional<retrieval::ItemMeta>(retrieval::ItemMeta{
            name(i), 0, 0, data.class_names[static_cast<std::size_t>(label)], label});
    };
    embed_in_batches(todo.size(), decode, accept, args, encoder, index, reporter, interrupt,
                     counts);
    return counts;
}

void run_index(const IndexArgs& args) {
    run_clip_job("index", args.flags, [&](JobReporter& reporter) {
        if (args.gallery.empty() == args.data.name.empty())
            throw UsageError("give either --gallery FOLDER or --dataset NAME");
        const InterruptFlag interrupt;
        const auto started = std::chrono::steady_clock::now();
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
            .add("stopped", counts.stopped)
            .add("seconds", seconds_since(started))
            .add_raw("stage_seconds", JsonObject()
                                          .add("decode", counts.stages.decode)
                                          .add("embed", counts.stages.embed)
                                          .add("insert", counts.stages.insert)
                                          .str())
            .add("device", encoder.device());
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
    cmd->add_option("--decode-workers", args->decode_workers,
                    "threads decoding and resizing images while the model embeds the previous "
                    "batch")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    args->flags.add_devices_to(*cmd);
    cmd->footer(
        help_footer("  liveml-clip index --model model --index idx --gallery photos/ --json\n"));
    cmd->callback([args] { run_index(*args); });
}

} // namespace liveml::cli
