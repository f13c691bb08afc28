#include "clip/train_checkpoint.hpp"

#include "common/file_bytes.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace liveml::clip {

namespace {

nlohmann::json distill_json(const DistillOptions& d) {
    return {{"teacher", d.teacher.string()},     {"student", d.student},
            {"loss", distill_loss_name(d.loss)}, {"alpha", d.alpha},
            {"temperature", d.temperature},      {"init_from_teacher", d.init_from_teacher},
            {"cache_dir", d.cache_dir.string()}, {"validation_items", d.validation_items}};
}

DistillOptions distill_from(const nlohmann::json& j) {
    DistillOptions d;
    d.teacher = j.at("teacher").get<std::string>();
    d.student = j.at("student").get<std::string>();
    const auto loss = parse_distill_loss(j.at("loss").get<std::string>());
    if (!loss) throw std::runtime_error("unknown distillation loss");
    d.loss = *loss;
    d.alpha = j.at("alpha").get<double>();
    d.temperature = j.at("temperature").get<double>();
    d.init_from_teacher = j.at("init_from_teacher").get<bool>();
    d.cache_dir = j.at("cache_dir").get<std::string>();
    d.validation_items = j.at("validation_items").get<std::size_t>();
    return d;
}

} // namespace

void write_train_state(const std::filesystem::path& dir, const TrainState& s) {
    const auto& o = s.options;
    nlohmann::json j = {{"step", s.step},
                        {"total", s.total},
                        {"dataset", o.dataset},
                        {"epochs", o.epochs},
                        {"batch_size", o.batch_size},
                        {"lr", o.lr},
                        {"weight_decay", o.weight_decay},
                        {"warmup_fraction", o.warmup_fraction},
                        {"seed", o.seed},
                        {"max_items", o.max_items},
                        {"bpe_merges", o.bpe_merges},
                        {"preset", o.preset}};
    if (o.distill) j["distill"] = distill_json(*o.distill);
    write_file_atomic(dir / kTrainStateFile, j.dump(2) + "\n");
}

std::optional<TrainState> read_train_state(const std::filesystem::path& dir) {
    const auto path = dir / kTrainStateFile;
    if (!std::filesystem::exists(path)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    try {
        const auto j = nlohmann::json::parse(text.str());
        TrainState s;
        s.step = j.at("step").get<std::int64_t>();
        s.total = j.at("total").get<std::int64_t>();
        auto& o = s.options;
        o.dataset = j.at("dataset").get<std::string>();
        o.epochs = j.at("epochs").get<int>();
        o.batch_size = j.at("batch_size").get<int>();
        o.lr = j.at("lr").get<double>();
        o.weight_decay = j.at("weight_decay").get<double>();
        o.warmup_fraction = j.at("warmup_fraction").get<double>();
        o.seed = j.at("seed").get<std::uint64_t>();
        o.max_items = j.at("max_items").get<std::size_t>();
        o.bpe_merges = j.at("bpe_merges").get<int>();
        // States written before presets and distillation existed have neither.
        o.preset = j.value("preset", std::string("small"));
        if (j.contains("distill")) o.distill = distill_from(j.at("distill"));
        if (s.step < 0 || s.total <= 0 || s.step > s.total || o.batch_size <= 0)
            throw std::runtime_error("inconsistent step counts");
        return s;
    } catch (const std::exception& e) {
        throw std::runtime_error(path.string() + " is not a usable training state (" + e.what() +
                                 ")");
    }
}

} // namespace liveml::clip
