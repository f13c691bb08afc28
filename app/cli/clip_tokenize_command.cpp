// liveml clip tokenize: the token ids a CLIP text encoder is given for each text, so that
// captions and prompts can be checked against OpenAI's tokenizer or another implementation.
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "common/data_paths.hpp"
#include "common/file_bytes.hpp"
#include "json_output.hpp"
#include "tokenizer/clip_tokenizer.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>

namespace liveml::cli {
namespace {

constexpr std::size_t kMaxTextFileBytes = 256u << 20;
constexpr const char* kOpenAiVocabulary = "openai_clip_merges.txt.gz";

struct TokenizeArgs {
    std::vector<std::string> texts;
    std::string file;
    std::string model;
    std::string vocab;
    int context = 77;
    ClipJobFlags flags;
};

tokenizer::ClipTokenizer load_tokenizer(const TokenizeArgs& args) {
    const tokenizer::TokenizerOptions options{.context_length = args.context};
    if (!args.model.empty()) return tokenizer::ClipTokenizer::from_directory(args.model, options);
    const auto vocab =
        args.vocab.empty() ? data_file(kOpenAiVocabulary) : std::filesystem::path(args.vocab);
    return tokenizer::ClipTokenizer::from_openai_bpe(vocab, options);
}

// One text per line; a final line without '\n' counts, an empty file has no texts.
std::vector<std::string> read_lines(const std::string& path) {
    const auto bytes = read_file_bytes(path, kMaxTextFileBytes);
    std::vector<std::string> lines;
    for (std::size_t pos = 0; pos < bytes.size();) {
        auto end = bytes.find('\n', pos);
        if (end == std::string::npos) end = bytes.size();
        lines.push_back(bytes.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

void run_tokenize(const TokenizeArgs& args) {
    run_clip_job("tokenize", args.flags, [&](JobReporter& reporter) {
        const auto tok = load_tokenizer(args);
        const auto texts = args.file.empty() ? args.texts : read_lines(args.file);
        std::size_t truncated = 0;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            // encode() frames exactly as the model input is framed; the unframed length tells
            // whether the context cut the text.
            const auto framed = tok.encode(texts[i]);
            const auto body = tok.tokenize(texts[i]);
            const auto length = std::min(body.size() + 2, framed.size());
            std::string ids = "[";
            for (std::size_t k = 0; k < length; ++k)
                ids += (k ? "," : "") + std::to_string(framed[k]);
            ids += ']';
            const bool cut = body.size() + 2 > framed.size();
            truncated += cut;
            JsonObject fields;
            fields.add("index", static_cast<std::uint64_t>(i))
                .add("text", texts[i])
                .add_raw("ids", ids);
            if (cut) fields.add("truncated", true);
            if (args.flags.json)
                reporter.item("tokens", fields);
            else
                std::cout << fields.str() << '\n';
        }
        if (args.flags.json)
            reporter.result(JsonObject()
                                .add("texts", static_cast<std::uint64_t>(texts.size()))
                                .add("truncated", static_cast<std::uint64_t>(truncated))
                                .add("context", args.context)
                                .add("vocab_size", static_cast<std::uint64_t>(tok.vocab_size())));
    });
}

} // namespace

void register_clip_tokenize(CLI::App& clip) {
    auto args = std::make_shared<TokenizeArgs>();
    auto* cmd = clip.add_subcommand(
        "tokenize", "Token ids of texts as CLIP's text encoder gets them (OpenAI's tokenizer)");
    cmd->footer(
        "One JSON line per text: {\"index\",\"text\",\"ids\"} with ids framed by\n"
        "<|startoftext|> and <|endoftext|>, cut to --context (\"truncated\":true), unpadded.\n"
        "Vocabulary: OpenAI CLIP's (bundled) unless --model or --vocab names one.\n\n"
        "Examples:\n"
        "  liveml clip tokenize \"a photo of a cat\" \"it’s caf&eacute;\"\n"
        "  liveml clip tokenize --file captions.txt --model my-clip --json");
    auto* texts = cmd->add_option("texts", args->texts, "texts to tokenize");
    auto* file = cmd->add_option("--file", args->file, "UTF-8 file, one text per line")
                     ->check(CLI::ExistingFile);
    texts->excludes(file);
    auto* model =
        cmd->add_option("--model", args->model, "model directory: its vocab.json + merges.txt");
    cmd->add_option("--vocab", args->vocab,
                    "OpenAI-layout merges file (bpe_simple_vocab_16e6.txt[.gz])")
        ->check(CLI::ExistingFile)
        ->excludes(model);
    cmd->add_option("--context", args->context, "context length (ids per text at most)")
        ->check(CLI::Range(2, 65536))
        ->capture_default_str();
    cmd->add_flag("--json", args->flags.json,
                  "JSON-lines job protocol: a \"tokens\" event per text, then the result");
    cmd->callback([args, texts, file] {
        if (texts->count() == 0 && file->count() == 0)
            throw CLI::ValidationError("tokenize", "give TEXT… or --file");
        run_tokenize(*args);
    });
}

} // namespace liveml::cli
