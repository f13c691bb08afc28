// liveml clip search: text -> images and image -> images over an index, image -> captions
// over a list of captions; top-k with cosine scores.
#include "clip/clip_encoder.hpp"
#include "clip/image_input.hpp"
#include "clip/model_fingerprint.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "help_footer.hpp"
#include "json_output.hpp"
#include "retrieval/brute_force.hpp"
#include "retrieval/vector_index.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <memory>

namespace liveml::cli {
namespace {

struct SearchArgs {
    std::string model;
    std::string index;
    std::vector<std::string> texts;
    std::vector<std::string> images;
    std::string captions_file; // image -> captions: one caption per line
    std::size_t top_k = 10;
    ClipJobFlags flags;
};

std::vector<std::string> read_captions(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read captions file " + path);
    std::vector<std::string> captions;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) captions.push_back(line);
    if (captions.empty()) throw std::runtime_error(path + " holds no captions");
    return captions;
}

std::string index_hits_json(const retrieval::VectorIndex& index,
                            const std::vector<retrieval::Hit>& hits) {
    std::string out = "[";
    for (const auto& hit : hits) {
        JsonObject o;
        o.add("id", hit.id).add("score", static_cast<double>(hit.score));
        if (const auto* meta = index.meta(hit.id)) {
            o.add("path", meta->path);
            if (!meta->caption.empty()) o.add("caption", meta->caption);
            if (meta->label >= 0) o.add("label", meta->label);
        }
        out += (out.size() > 1 ? "," : "") + o.str();
    }
    return out + "]";
}

std::string caption_hits_json(const std::vector<std::string>& captions,
                              const std::vector<retrieval::Hit>& hits) {
    std::string out = "[";
    for (const auto& hit : hits)
        out += (out.size() > 1 ? "," : "") +
               JsonObject()
                   .add("caption", captions[static_cast<std::size_t>(hit.id)])
                   .add("score", static_cast<double>(hit.score))
                   .str();
    return out + "]";
}

void run_search(const SearchArgs& args) {
    run_clip_job("search", args.flags, [&](JobReporter& reporter) {
        if (args.texts.empty() && args.images.empty())
            throw UsageError("give at least one --text or --image query");
        if (args.index.empty() && args.captions_file.empty())
            throw UsageError("give --index (images) and/or --captions (captions)");
        if (!args.texts.empty() && args.index.empty())
            throw UsageError("text queries search images: give --index");
        reporter.progress("load", 0, 2);
        const auto encoder = clip::ClipEncoder::load(args.model, args.flags.runtime);
        std::optional<retrieval::VectorIndex> index;
        if (!args.index.empty()) index.emplace(retrieval::VectorIndex::load(args.index));
        if (index && (index->dim() != encoder.embedding_dim() ||
                      index->source() != clip::model_fingerprint(args.model)))
            throw std::runtime_error(args.index +
                                     " was built with another model (or an older "
                                     "checkpoint of " +
                                     args.model + "): run `liveml-clip index` with this model");
        std::vector<std::string> captions;
        retrieval::Matrix caption_embeddings;
        if (!args.captions_file.empty()) {
            captions = read_captions(args.captions_file);
            caption_embeddings = encoder.encode_texts(captions);
        }
        reporter.progress("search", 1, 2);
        std::string results = "[";
        const auto add_result = [&](const JsonObject& o) {
            results += (results.size() > 1 ? "," : "") + o.str();
        };
        if (!args.texts.empty()) {
            const auto hits = index->search(encoder.encode_texts(args.texts), args.top_k);
            for (std::size_t q = 0; q < args.texts.size(); ++q)
                add_result(JsonObject()
                               .add("query", args.texts[q])
                               .add("kind", "text")
                               .add_raw("images", index_hits_json(*index, hits[q])));
        }
        const auto per_image = clip::image_input_floats(encoder.config());
        for (const auto& path : args.images) {
            std::vector<float> pixels(per_image);
            clip::image_file_input(path, encoder.config(), pixels);
            const auto query = encoder.encode_pixels(pixels, 1);
            JsonObject o;
            o.add("query", path).add("kind", "image");
            if (index)
                o.add_raw("images", index_hits_json(*index, index->search(query, args.top_k)[0]));
            if (!captions.empty())
                o.add_raw("captions", caption_hits_json(
                                          captions, retrieval::brute_force_search(
                                                        caption_embeddings, query, args.top_k)[0]));
            add_result(o);
        }
        reporter.result(JsonObject().add_raw("results", results + "]"));
    });
}

} // namespace

void register_clip_search(CLI::App& clip) {
    auto args = std::make_shared<SearchArgs>();
    auto* cmd = clip.add_subcommand(
        "search", "Top-k search: text -> images, image -> images, image -> captions");
    cmd->add_option("--model", args->model, "model directory")->required();
    cmd->add_option("--index", args->index, "index directory made by `liveml-clip index`");
    cmd->add_option("--text", args->texts, "text query (repeatable)");
    cmd->add_option("--image", args->images, "image query file (repeatable)");
    cmd->add_option("--captions", args->captions_file,
                    "file with one caption per line, ranked for each --image");
    cmd->add_option("--top-k", args->top_k, "results per query")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    cmd->footer(help_footer(
        "  liveml-clip search --model model --index idx --text \"a red dress\" --top-k 5\n"));
    cmd->callback([args] { run_search(*args); });
}

} // namespace liveml::cli
