// The teacher-output cache: written once per (teacher, data), reused by the next run, rebuilt
// for another teacher, refused when damaged; its file format round-trips.
#include "clip/clip_trainer.hpp"
#include "clip/teacher_cache.hpp"
#include "liveml_job.hpp"

#include <filesystem>
#include <fstream>

namespace liveml::clip {
namespace {

namespace fs = std::filesystem;

using clip_test::test_dir;

// A real (briefly trained) digits model: its own tokenizer and weights.
fs::path tiny_teacher(const std::string& name, std::uint64_t seed) {
    TrainOptions o;
    o.dataset = "digits";
    o.out = test_dir(name);
    o.epochs = 1;
    o.batch_size = 32;
    o.max_items = 64;
    o.bpe_merges = 100;
    o.seed = seed;
    o.runtime = {"cpu", 1};
    train_clip(o, {}, {});
    return o.out;
}

TEST(TeacherCache, FileFormatRoundTrips) {
    TeacherOutputs o;
    o.fingerprint = "0123456789abcdef";
    o.data_key = "digits:3:feed";
    o.dim = 2;
    o.logit_scale = 14.25;
    o.images = {1, 0, 0, 1, 0.6f, 0.8f};
    o.texts = {"a \"quoted\" caption", "zero"};
    o.text_embeddings = {0, 1, 1, 0};
    const auto file = test_dir("teacher-cache-format") / "t.safetensors";
    write_teacher_outputs(file, o);
    const auto back = read_teacher_outputs(file);
    EXPECT_EQ(back.fingerprint, o.fingerprint);
    EXPECT_EQ(back.data_key, o.data_key);
    EXPECT_EQ(back.dim, 2u);
    EXPECT_DOUBLE_EQ(back.logit_scale, 14.25);
    EXPECT_EQ(back.images, o.images);
    EXPECT_EQ(back.texts, o.texts);
    EXPECT_EQ(back.text_embeddings, o.text_embeddings);

    std::ofstream(file, std::ios::binary | std::ios::trunc) << "not safetensors";
    EXPECT_THROW(read_teacher_outputs(file), std::runtime_error);
}

TEST(TeacherCache, ReusedForTheSameTeacherAndRebuiltForAnother) {
    const auto first = tiny_teacher("cache-teacher-a", 1);
    const auto second = tiny_teacher("cache-teacher-b", 2);
    const auto cache = test_dir("teacher-cache");
    const auto data = TrainingSet::load("digits", 96);
    const RuntimeOptions cpu{"cpu", 1};
    std::size_t embedded = 0;
    const auto count = [&](std::size_t done, std::size_t) { embedded = done; };

    const auto built = cached_teacher_outputs(first, data, cache, cpu, count);
    EXPECT_FALSE(built.reused);
    EXPECT_EQ(embedded, 96u);
    EXPECT_TRUE(fs::exists(built.file));
    EXPECT_EQ(built.outputs.images.size(), 96 * built.outputs.dim);
    EXPECT_EQ(built.outputs.texts, data.caption_set());
    // Every digits caption a training step can draw is cached: 10 classes x 24 templates.
    EXPECT_EQ(built.outputs.texts.size(), 240u);

    embedded = 0;
    const auto again = cached_teacher_outputs(first, data, cache, cpu, count);
    EXPECT_TRUE(again.reused);
    EXPECT_EQ(embedded, 0u) << "a reused cache embeds nothing";
    EXPECT_EQ(again.file, built.file);
    EXPECT_EQ(again.outputs.images, built.outputs.images);

    const auto other = cached_teacher_outputs(second, data, cache, cpu, count);
    EXPECT_FALSE(other.reused);
    EXPECT_NE(other.file, built.file);
    EXPECT_NE(other.outputs.images, built.outputs.images);

    // Other data (fewer items) is another key, so another file.
    const auto fewer =
        cached_teacher_outputs(first, TrainingSet::load("digits", 80), cache, cpu, count);
    EXPECT_FALSE(fewer.reused);
    EXPECT_NE(fewer.file, built.file);

    // A damaged cache is an error naming it, not silently recomputed.
    std::ofstream(built.file, std::ios::binary | std::ios::trunc) << "garbage";
    try {
        cached_teacher_outputs(first, data, cache, cpu, count);
        FAIL() << "a damaged cache was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(built.file.string()), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace liveml::clip
