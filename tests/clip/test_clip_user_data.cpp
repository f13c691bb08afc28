// `liveml clip` on user data: a folder of PNG/JPEG images with a captions file trains a small
// model, a plain image folder is indexed (incrementally, stoppable) and searched. Malformed
// inputs must end in a skipped event or an error event with an exit code, never a crash.
#include "liveml_job.hpp"

#include "datasets/builtin_datasets.hpp"

#include <fstream>
#include <map>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

namespace {

using namespace liveml::clip_test;
namespace datasets = liveml::datasets;

// Four Fashion-MNIST classes under plain names, so captions are ordinary words.
const std::map<int, std::string> kClasses{{1, "trouser"}, {3, "dress"}, {7, "sneaker"}, {8, "bag"}};

std::string caption_of(const std::string& name, std::size_t variant) {
    return variant % 2 == 0 ? "a picture of a " + name : "my " + name + " for sale";
}

// A gray item as an RGB file: PNG at twice its size (the loader resizes it), or JPEG.
void write_image(const fs::path& path, std::span<const std::uint8_t> gray, int side) {
    const bool png = path.extension() == ".png";
    const int scale = png ? 2 : 1;
    const int out_side = side * scale;
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(out_side * out_side * 3));
    for (int y = 0; y < out_side; ++y)
        for (int x = 0; x < out_side; ++x)
            for (int c = 0; c < 3; ++c)
                rgb[static_cast<std::size_t>((y * out_side + x) * 3 + c)] =
                    gray[static_cast<std::size_t>((y / scale) * side + x / scale)];
    fs::create_directories(path.parent_path());
    const int ok =
        png ? stbi_write_png(path.c_str(), out_side, out_side, 3, rgb.data(), out_side * 3)
            : stbi_write_jpg(path.c_str(), out_side, out_side, 3, rgb.data(), 95);
    if (!ok) throw std::runtime_error("cannot write " + path.string());
}

void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> paths_of(const json& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits)
        out.push_back(h["path"]);
    return out;
}

bool scores_descend_within_cosine_range(const json& hits) {
    double previous = 2;
    for (const auto& h : hits) {
        const double s = h["score"];
        if (s > previous + 1e-6 || s < -1.0001 || s > 1.0001) return false;
        previous = s;
    }
    return true;
}

// Per class: 8 captioned training images and 2 other gallery images, from the test split.
struct ClassItems {
    std::vector<std::size_t> train, gallery;
};

class ClipUserData : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        root_ = test_dir("user-data");
        data_ = datasets::load_fashion_mnist(datasets::Split::Test);
        std::map<int, ClassItems> items;
        for (std::size_t i = 0; i < data_.size(); ++i) {
            if (!kClasses.contains(data_.labels[i])) continue;
            auto& mine = items[data_.labels[i]];
            (mine.train.size() < 8 ? mine.train : mine.gallery).push_back(i);
        }
        std::string jsonl;
        for (const auto& [label, name] : kClasses) {
            const auto& mine = items[label];
            for (std::size_t k = 0; k < mine.train.size(); ++k) {
                const auto file = "images/" + name + std::to_string(k) + (k % 2 ? ".jpg" : ".png");
                write_image(root_ / "train" / file, data_.image(mine.train[k]), data_.width);
                jsonl += json{{"image", file}, {"caption", caption_of(name, k)}}.dump() + "\n";
            }
            for (std::size_t k = 0; k < 2; ++k)
                write_image(root_ / "gallery" / (k ? "more/" : "") /
                                (name + std::to_string(k) + (k ? ".jpg" : ".png")),
                            data_.image(mine.gallery[k]), data_.width);
        }
        // Five bad rows, each skipped with its reason; the 32 good ones train.
        write_text(root_ / "train/images/corrupt.png", "\x89PNG\r\n\x1a\nnot really a png");
        jsonl += "{not json\n";
        jsonl += R"({"image": "images/trouser0.png"})"
                 "\n";
        jsonl += R"({"image": "images/missing.png", "caption": "a lost bag"})"
                 "\n";
        jsonl += R"({"image": "../outside.png", "caption": "a stray dress"})"
                 "\n";
        jsonl += R"({"image": "images/corrupt.png", "caption": "a broken picture"})"
                 "\n";
        write_text(root_ / "train/captions.jsonl", jsonl);

        model_ = root_ / "model";
        Job train({"clip", "train", "--dataset", (root_ / "train").string(), "--out",
                   model_.string(), "--epochs", "40", "--batch-size", "8", "--threads", "1",
                   "--json"});
        train_events_ = train.events(std::chrono::seconds(120));
        train_exit_ = train.wait_exit(std::chrono::seconds(10));

        index_ = root_ / "index";
        first_index_ =
            run_to_result({"clip", "index", "--model", model_.string(), "--index", index_.string(),
                           "--gallery", (root_ / "gallery").string(), "--threads", "1", "--json"});
    }

    static json search(std::vector<std::string> query_args, int expected_exit = 0) {
        std::vector<std::string> args{"clip",          "search",  "--model",
                                      model_.string(), "--index", index_.string(),
                                      "--threads",     "1",       "--json"};
        args.insert(args.end(), query_args.begin(), query_args.end());
        return run_to_result(args, expected_exit);
    }

    static inline fs::path root_, model_, index_;
    static inline datasets::ImageClassDataset data_;
    static inline std::vector<json> train_events_;
    static inline int train_exit_ = -1;
    static inline json first_index_;
};

TEST_F(ClipUserData, TrainingOnAFolderSkipsEachBadRowWithItsReason) {
    ASSERT_FALSE(train_events_.empty());
    const auto& result = train_events_.back();
    ASSERT_EQ(result["event"], "result") << result.dump();
    EXPECT_EQ(train_exit_, 3); // partial: inputs were skipped
    EXPECT_EQ(result["skipped"], 5);
    EXPECT_EQ(result["step"], result["total"]);
    EXPECT_EQ(result["total"], 40 * 32 / 8);
    EXPECT_EQ(result["stopped"], false);
    std::vector<std::string> reasons;
    for (const auto& e : train_events_)
        if (e["event"] == "skipped") reasons.push_back(e["reason"]);
    ASSERT_EQ(reasons.size(), 5u);
    const auto mentions = [&](const std::string& what) {
        return std::any_of(reasons.begin(), reasons.end(),
                           [&](const std::string& r) { return r.find(what) != std::string::npos; });
    };
    EXPECT_TRUE(mentions("captions.jsonl:33: not a JSON object"));
    EXPECT_TRUE(mentions("captions.jsonl:34: needs string fields"));
    EXPECT_TRUE(mentions("'images/missing.png' not found"));
    EXPECT_TRUE(mentions("outside the folder"));
    EXPECT_TRUE(mentions("corrupt.png"));
    // The loss of the first report is above the last: the model learnt something.
    double first_loss = -1, last_loss = -1;
    for (const auto& e : train_events_)
        if (e["event"] == "progress" && e["phase"] == "train") {
            if (first_loss < 0) first_loss = e["loss"];
            last_loss = e["loss"];
        }
    EXPECT_LT(last_loss, first_loss);
    for (const char* file : {"config.json", "model.safetensors", "vocab.json", "merges.txt"})
        EXPECT_TRUE(fs::exists(model_ / file)) << file;
}

TEST_F(ClipUserData, APlainFolderIsIndexedRecursively) {
    EXPECT_EQ(first_index_["event"], "result") << first_index_.dump();
    EXPECT_EQ(first_index_["added"], 8);
    EXPECT_EQ(first_index_["size"], 8);
    EXPECT_EQ(first_index_["failed"], 0);
    EXPECT_EQ(first_index_["kind"], "flat");
}

TEST_F(ClipUserData, EveryImageRetrievesItselfFirst) {
    std::vector<std::string> args{"--top-k", "3"};
    std::vector<std::string> files;
    for (const auto& [label, name] : kClasses)
        for (const auto* file : {"0.png", "1.jpg"}) {
            files.push_back((std::string(file) == "1.jpg" ? "more/" : "") + name + file);
            args.insert(args.end(), {"--image", (root_ / "gallery" / files.back()).string()});
        }
    const auto r = search(args);
    ASSERT_EQ(r["results"].size(), files.size()) << r.dump();
    for (std::size_t q = 0; q < files.size(); ++q) {
        const auto& hits = r["results"][q]["images"];
        EXPECT_EQ(r["results"][q]["kind"], "image");
        ASSERT_EQ(hits.size(), 3u);
        EXPECT_EQ(hits[0]["path"], files[q]);
        EXPECT_GT(hits[0]["score"].get<double>(), 0.999);
        EXPECT_TRUE(scores_descend_within_cosine_range(hits)) << hits.dump();
    }
}

// Text -> image and image -> caption on a model trained for seconds on 32 pairs: most
// queries must land on their class (4 classes, chance is 1 in 4).
TEST_F(ClipUserData, TextFindsItsClassAndImagesFindTheirCaption) {
    std::vector<std::string> args{"--top-k", "2"};
    std::string captions;
    for (const auto& [label, name] : kClasses) {
        args.insert(args.end(), {"--text", caption_of(name, 0)});
        captions += caption_of(name, 1) + "\n";
    }
    write_text(root_ / "captions.txt", captions);
    args.insert(args.end(), {"--captions", (root_ / "captions.txt").string()});
    for (const auto& [label, name] : kClasses)
        args.insert(args.end(), {"--image", (root_ / "gallery" / (name + "0.png")).string()});
    const auto r = search(args);
    ASSERT_EQ(r["results"].size(), 2 * kClasses.size()) << r.dump();
    int texts_right = 0, images_right = 0;
    std::size_t q = 0;
    for (const auto& [label, name] : kClasses) {
        const auto& hits = r["results"][q++]["images"];
        EXPECT_TRUE(scores_descend_within_cosine_range(hits));
        texts_right += paths_of(hits).at(0).find(name) != std::string::npos;
    }
    for (const auto& [label, name] : kClasses) {
        const auto& result = r["results"][q++];
        ASSERT_EQ(result["captions"].size(), 2u);
        EXPECT_TRUE(scores_descend_within_cosine_range(result["captions"]));
        images_right += result["captions"][0]["caption"] == caption_of(name, 1);
    }
    EXPECT_GE(texts_right, 3) << r.dump();
    EXPECT_GE(images_right, 3) << r.dump();
}

TEST_F(ClipUserData, ReIndexAddsReplacesAndRemoves) {
    const auto gallery = root_ / "gallery-inc";
    fs::remove_all(gallery);
    fs::copy(root_ / "gallery", gallery, fs::copy_options::recursive);
    const auto index = root_ / "index-inc";
    fs::remove_all(index);
    const std::vector<std::string> args{"clip",          "index",          "--model",
                                        model_.string(), "--index",        index.string(),
                                        "--gallery",     gallery.string(), "--json"};
    ASSERT_EQ(run_to_result(args)["size"], 8);

    write_image(gallery / "new.png", data_.image(0), data_.width);
    const auto changed = gallery / "bag0.png";
    write_image(changed, data_.image(1), data_.width);
    fs::last_write_time(changed, fs::last_write_time(changed) + std::chrono::seconds(2));
    fs::remove(gallery / "more/dress1.jpg");
    auto r = run_to_result(args);
    EXPECT_EQ(r["added"], 1) << r.dump();
    EXPECT_EQ(r["replaced"], 1);
    EXPECT_EQ(r["removed"], 1);
    EXPECT_EQ(r["unchanged"], 6);
    EXPECT_EQ(r["size"], 8);

    // The changed file is found by its new content, exactly once; the deleted one is gone.
    r = run_to_result({"clip", "search", "--model", model_.string(), "--index", index.string(),
                       "--image", changed.string(), "--top-k", "8", "--json"});
    const auto paths = paths_of(r["results"][0]["images"]);
    EXPECT_EQ(paths.at(0), "bag0.png");
    EXPECT_GT(r["results"][0]["images"][0]["score"].get<double>(), 0.999);
    EXPECT_EQ(std::count(paths.begin(), paths.end(), "bag0.png"), 1);
    EXPECT_EQ(std::count(paths.begin(), paths.end(), "more/dress1.jpg"), 0);
    EXPECT_EQ(std::count(paths.begin(), paths.end(), "new.png"), 1);

    r = run_to_result(args);
    EXPECT_EQ(r["added"], 0);
    EXPECT_EQ(r["unchanged"], 8);
}

TEST_F(ClipUserData, SigtermStopsIndexingAndARerunFinishesIt) {
    const auto gallery = root_ / "gallery-big";
    fs::remove_all(gallery);
    constexpr int kImages = 300;
    for (int i = 0; i < kImages; ++i)
        write_image(gallery / ("item" + std::to_string(i) + ".png"),
                    data_.image(static_cast<std::size_t>(i)), data_.width);
    const auto index = root_ / "index-big";
    fs::remove_all(index);
    const std::vector<std::string> args{
        "clip",         "index",     "--model",        model_.string(), "--index",
        index.string(), "--gallery", gallery.string(), "--batch-size",  "1",
        "--threads",    "1",         "--json"};
    // A one-page stdout pipe that the test stops reading: the job blocks on its progress lines
    // and cannot finish before the signal arrives.
    Job job(args, 4096);
    bool embedding = false;
    while (const auto line = job.next_line(std::chrono::seconds(60))) {
        const auto e = json::parse(*line);
        if (e["event"] == "progress" && e["phase"] == "embed" && e["step"] > 0) {
            embedding = true;
            break;
        }
    }
    ASSERT_TRUE(embedding);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto term_at = Clock::now();
    job.signal(SIGTERM);
    const auto rest = job.events(std::chrono::seconds(30));
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(5)), 130);
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - term_at).count(), 2.0);
    ASSERT_FALSE(rest.empty());
    const auto& stopped = rest.back();
    EXPECT_EQ(stopped["event"], "result") << stopped.dump();
    EXPECT_EQ(stopped["stopped"], true);
    const int kept = stopped["size"];
    EXPECT_GT(kept, 0);
    EXPECT_LT(kept, kImages);

    const auto finished = run_to_result(args);
    EXPECT_EQ(finished["stopped"], false);
    EXPECT_EQ(finished["unchanged"], kept);
    EXPECT_EQ(finished["added"], kImages - kept);
    EXPECT_EQ(finished["size"], kImages);
}

TEST_F(ClipUserData, ACorruptImageInTheGalleryIsSkippedAndCounted) {
    const auto gallery = root_ / "gallery-bad";
    fs::remove_all(gallery);
    fs::copy(root_ / "gallery", gallery, fs::copy_options::recursive);
    write_text(gallery / "broken.png", "\x89PNG\r\n\x1a\ntruncated");
    write_text(gallery / "empty.jpg", "");
    Job job({"clip", "index", "--model", model_.string(), "--index", (root_ / "index-bad").string(),
             "--gallery", gallery.string(), "--json"});
    const auto events = job.events(std::chrono::seconds(60));
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 3);
    std::vector<std::string> skipped;
    for (const auto& e : events)
        if (e["event"] == "skipped") {
            skipped.push_back(e["image"]);
            EXPECT_FALSE(e["reason"].get<std::string>().empty());
        }
    EXPECT_EQ(skipped, (std::vector<std::string>{"broken.png", "empty.jpg"}));
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["failed"], 2);
    EXPECT_EQ(events.back()["size"], 8);
}

TEST_F(ClipUserData, EmptyFoldersAreClearErrors) {
    const auto empty = test_dir("user-data-empty");
    auto r =
        run_to_result({"clip", "index", "--model", model_.string(), "--index",
                       (root_ / "index-empty").string(), "--gallery", empty.string(), "--json"},
                      1);
    EXPECT_EQ(r["event"], "error");
    EXPECT_NE(r["message"].get<std::string>().find("no image files"), std::string::npos);
    r = run_to_result({"clip", "train", "--dataset", empty.string(), "--out",
                       (root_ / "model-empty").string(), "--json"},
                      1);
    EXPECT_EQ(r["event"], "error");
    EXPECT_NE(r["message"].get<std::string>().find("captions"), std::string::npos);
    r = run_to_result({"clip", "zeroshot", "--model", model_.string(), "--images", empty.string(),
                       "--classes", "bag,dress", "--json"},
                      1);
    EXPECT_EQ(r["event"], "error");
}

TEST_F(ClipUserData, CsvCaptionsWithBadLinesTrainOnTheGoodOnes) {
    const auto dir = root_ / "csv";
    fs::remove_all(dir);
    std::string csv = "image,caption\n";
    for (int i = 0; i < 4; ++i) {
        const auto file = "img" + std::to_string(i) + ".jpg";
        write_image(dir / file, data_.image(static_cast<std::size_t>(i)), data_.width);
        csv += file + ",\"a shoe, size " + std::to_string(i) + "\"\n";
    }
    csv += "img0.jpg\n";                // too few fields
    csv += "img1.jpg,   \n";            // empty caption
    csv += "img2.jpg,\"unterminated\n"; // a quote that never closes ends the file
    write_text(dir / "captions.csv", csv);
    Job job({"clip", "train", "--dataset", dir.string(), "--out", (root_ / "model-csv").string(),
             "--epochs", "1", "--batch-size", "4", "--threads", "1", "--json"});
    const auto events = job.events(std::chrono::seconds(60));
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 3);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["event"], "result") << events.back().dump();
    EXPECT_EQ(events.back()["skipped"], 3);
    EXPECT_EQ(events.back()["step"], 1);
}

TEST_F(ClipUserData, CaptionsWithNoUsableRowIsAnErrorThatSaysWhy) {
    const auto dir = root_ / "all-bad";
    fs::remove_all(dir);
    write_text(dir / "captions.jsonl", "[1, 2]\n{\"image\": \"gone.png\", \"caption\": \"x\"}\n");
    const auto r = run_to_result({"clip", "train", "--dataset", dir.string(), "--out",
                                  (root_ / "model-bad").string(), "--json"},
                                 1);
    EXPECT_EQ(r["event"], "error");
    const auto message = r["message"].get<std::string>();
    EXPECT_NE(message.find("fewer than two usable items"), std::string::npos) << message;
    EXPECT_NE(message.find("captions.jsonl:1"), std::string::npos) << message;
}

TEST_F(ClipUserData, AnIndexOfAnotherModelIsRebuiltAndSearchRefusesIt) {
    const auto other = root_ / "model-other";
    run_to_result({"clip", "train", "--dataset", (root_ / "train").string(), "--out",
                   other.string(), "--epochs", "1", "--batch-size", "32", "--threads", "1",
                   "--json"},
                  3);
    const auto index = root_ / "index-other";
    fs::remove_all(index);
    fs::copy(index_, index);
    auto r = run_to_result({"clip", "search", "--model", other.string(), "--index", index.string(),
                            "--text", "a bag", "--json"},
                           1);
    EXPECT_EQ(r["event"], "error");
    EXPECT_NE(r["message"].get<std::string>().find("another model"), std::string::npos);
    r = run_to_result({"clip", "index", "--model", other.string(), "--index", index.string(),
                       "--gallery", (root_ / "gallery").string(), "--json"});
    EXPECT_EQ(r["removed"], 8);
    EXPECT_EQ(r["added"], 8);
    EXPECT_EQ(r["unchanged"], 0);
    EXPECT_EQ(r["size"], 8);
}

TEST_F(ClipUserData, ACorruptQueryImageIsAnError) {
    const auto r = search({"--image", (root_ / "train/images/corrupt.png").string()}, 1);
    EXPECT_EQ(r["event"], "error");
    EXPECT_NE(r["message"].get<std::string>().find("corrupt.png"), std::string::npos);
}

} // namespace
