#include "online/model_file.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <random>

#include "common/file_bytes.hpp"
#include "online/model_codec.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace liveml::online;

namespace {

SgdClassifier trained_model(SgdParams params = {}) {
    SgdClassifier model(params, {0, 1, 2, 3}, 5);
    std::vector<double> x(5);
    for (int i = 0; i < 40; ++i) {
        for (std::size_t j = 0; j < x.size(); ++j)
            x[j] = static_cast<double>((i * 5 + static_cast<int>(j) * 3) % 11) - 3.0;
        model.partial_fit(x, i % 4);
    }
    return model;
}

bool same_bits(std::span<const double> a, std::span<const double> b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

void expect_identical(const SgdClassifier& a, const SgdClassifier& b) {
    EXPECT_EQ(a.params().loss, b.params().loss);
    EXPECT_EQ(a.params().penalty, b.params().penalty);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(a.params().alpha),
              std::bit_cast<std::uint64_t>(b.params().alpha));
    EXPECT_EQ(a.classes(), b.classes());
    EXPECT_EQ(a.n_features(), b.n_features());
    ASSERT_EQ(a.n_coef_rows(), b.n_coef_rows());
    for (std::size_t r = 0; r < a.n_coef_rows(); ++r)
        EXPECT_TRUE(same_bits(a.coef(r), b.coef(r))) << "row " << r;
    EXPECT_TRUE(same_bits(a.intercept(), b.intercept()));
    EXPECT_EQ(a.t(), b.t());
    EXPECT_EQ(a.samples_seen(), b.samples_seen());
}

// Builds a model file field by field, so each malformed case changes exactly one thing and
// still carries a correct length and checksum (only the field under test is wrong).
struct Fields {
    std::string magic{"LIVEMLM\0", 8};
    std::uint32_t version = kModelFormatVersion;
    std::string learner = "sgd_classifier";
    std::string loss = "log";
    std::string penalty = "l2";
    double alpha = 0.01;
    std::uint32_t n_classes = 3;
    std::vector<int> classes = {0, 1, 2};
    std::uint32_t n_features = 2;
    std::uint32_t rows = 3;
    std::vector<double> coef = {1.5, -2.0, 0.0, -0.0, 3.25, 1e-300};
    std::vector<double> intercept = {0.5, -0.5, 0.25};
    double t = 5.0;
    std::uint64_t samples_seen = 4;
    std::uint32_t n_metadata = 2;
    std::vector<std::pair<std::string, std::string>> metadata = {{"source", "test"},
                                                                 {"trained_at", "now"}};
    std::string before_crc; // extra bytes inside the checksummed body

    std::string seal() const {
        codec::ByteWriter out;
        out.bytes() = magic;
        out.u32(version);
        out.u32(0);
        out.str(learner);
        out.str(loss);
        out.str(penalty);
        out.f64(alpha);
        out.u32(n_classes);
        for (const int c : classes)
            out.i32(c);
        out.u32(n_features);
        out.u32(rows);
        for (const double w : coef)
            out.f64(w);
        for (const double b : intercept)
            out.f64(b);
        out.f64(t);
        out.u64(samples_seen);
        out.u32(n_metadata);
        for (const auto& [k, v] : metadata) {
            out.str(k);
            out.str(v);
        }
        out.bytes() += before_crc;
        std::string bytes = out.bytes();
        codec::ByteWriter length;
        length.u32(static_cast<std::uint32_t>(bytes.size() + 4));
        bytes.replace(12, 4, length.bytes());
        codec::ByteWriter crc;
        crc.u32(static_cast<std::uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size())));
        return bytes + crc.bytes();
    }
};

void expect_rejected(const std::string& bytes, const std::string& why) {
    try {
        deserialize_model(bytes);
        ADD_FAILURE() << "accepted: " << why;
    } catch (const ModelFormatError& e) {
        EXPECT_GT(std::strlen(e.what()), 20u) << why;
    } catch (const std::exception& e) {
        ADD_FAILURE() << why << ": wrong exception type: " << e.what();
    }
}

TEST(ModelFile, RoundTripIsBitExact) {
    for (const Penalty p : {Penalty::L1, Penalty::L2, Penalty::None}) {
        const SgdClassifier model = trained_model({Loss::Log, p, 0.0123});
        const std::map<std::string, std::string> meta{{"source", "unit test"}, {"empty", ""}};
        const std::string bytes = serialize_model(model, meta);
        const SavedModel loaded = deserialize_model(bytes);
        expect_identical(model, loaded.model);
        EXPECT_EQ(loaded.metadata, meta);
        EXPECT_EQ(serialize_model(loaded.model, loaded.metadata), bytes);
    }
}

TEST(ModelFile, BinaryModelRoundTrips) {
    SgdClassifier model({Loss::Hinge, Penalty::L1, 0.5}, {-4, 9}, 3);
    model.partial_fit(std::array<double, 3>{1, 2, 3}, 9);
    const SavedModel loaded = deserialize_model(serialize_model(model));
    expect_identical(model, loaded.model);
    EXPECT_TRUE(loaded.metadata.empty());
}

TEST(ModelFile, FieldBuilderMatchesTheWriter) {
    // Keeps the hand-built corpus below honest: a valid builder file is what we write.
    const Fields fields;
    const SavedModel loaded = deserialize_model(fields.seal());
    EXPECT_EQ(loaded.model.coef(2)[1], 1e-300);
    EXPECT_EQ(serialize_model(loaded.model, loaded.metadata), fields.seal());
}

TEST(ModelFile, SaveAndLoadThroughAFile) {
    const liveml::testing::TempDir temp("model");
    const fs::path& dir = temp.path();
    const SgdClassifier model = trained_model();
    save_model_file(dir / "m.lvm", model, {{"k", "v"}});
    const SavedModel loaded = load_model_file(dir / "m.lvm");
    expect_identical(model, loaded.model);
    EXPECT_EQ(loaded.metadata.at("k"), "v");

    EXPECT_THROW(load_model_file(dir / "missing.lvm"), ModelFormatError);
    EXPECT_THROW(load_model_file(dir), ModelFormatError); // a directory
    {
        std::ofstream(dir / "huge.lvm").put('x');
        fs::resize_file(dir / "huge.lvm", kMaxModelBytes + 1); // sparse: no real disk use
    }
    try {
        load_model_file(dir / "huge.lvm");
        ADD_FAILURE() << "oversized file accepted";
    } catch (const ModelFormatError& e) {
        EXPECT_NE(std::string(e.what()).find("huge.lvm"), std::string::npos) << e.what();
    }
}

TEST(ModelFile, RejectsEveryTruncation) {
    const std::string bytes = serialize_model(trained_model(), {{"source", "truncation"}});
    for (std::size_t n = 0; n < bytes.size(); ++n)
        expect_rejected(bytes.substr(0, n), "truncated to " + std::to_string(n));
}

TEST(ModelFile, RejectsEveryFlippedByte) {
    const std::string bytes = serialize_model(trained_model(), {{"source", "flips"}});
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        for (const unsigned char mask : {0x01, 0x80, 0xff}) {
            std::string bad = bytes;
            bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ mask);
            expect_rejected(bad, "byte " + std::to_string(i) + " flipped");
        }
    }
}

TEST(ModelFile, SurvivesRandomCorruption) {
    const std::string bytes = serialize_model(trained_model());
    std::mt19937 rng(1234);
    for (int round = 0; round < 2000; ++round) {
        std::string bad = bytes;
        const int edits = 1 + static_cast<int>(rng() % 8);
        for (int e = 0; e < edits; ++e)
            bad[rng() % bad.size()] = static_cast<char>(rng());
        if (bad == bytes) continue;
        expect_rejected(bad, "random corruption round " + std::to_string(round));
    }
}

TEST(ModelFile, RejectsTrailingGarbageAndOversizedInput) {
    const std::string bytes = serialize_model(trained_model());
    expect_rejected(bytes + "x", "one trailing byte");
    expect_rejected(bytes + bytes, "two models back to back");
    expect_rejected(std::string(kMaxModelBytes + 1, '\0'), "larger than kMaxModelBytes");
    expect_rejected("", "empty input");
    expect_rejected("LIVEMLM", "magic cut short");
}

using Mutation = std::function<void(Fields&)>;

TEST(ModelFile, RejectsMalformedFields) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    const std::vector<std::pair<std::string, Mutation>> cases = {
        {"bad magic", [](Fields& f) { f.magic = std::string("PK\3\4xxxx", 8); }},
        {"magic without NUL", [](Fields& f) { f.magic = "LIVEMLMX"; }},
        {"version 0", [](Fields& f) { f.version = 0; }},
        {"version 3", [](Fields& f) { f.version = 3; }},
        {"version 2, unknown learner",
         [](Fields& f) {
             f.version = 2;
             f.learner = "pickle";
         }},
        {"version ~0", [](Fields& f) { f.version = 0xffffffffu; }},
        {"unknown learner", [](Fields& f) { f.learner = "pickle"; }},
        {"learner name too long", [](Fields& f) { f.learner = std::string(100, 'a'); }},
        {"unknown loss", [](Fields& f) { f.loss = "squared_error"; }},
        {"unknown penalty", [](Fields& f) { f.penalty = "elasticnet"; }},
        {"alpha NaN", [](Fields& f) { f.alpha = kNaN; }},
        {"alpha infinite", [](Fields& f) { f.alpha = kInf; }},
        {"alpha zero", [](Fields& f) { f.alpha = 0.0; }},
        {"alpha negative", [](Fields& f) { f.alpha = -0.01; }},
        {"huge class count", [](Fields& f) { f.n_classes = 0xffffffffu; }},
        {"class count over limit", [](Fields& f) { f.n_classes = kMaxModelClasses + 1; }},
        {"one class", [](Fields& f) { f.n_classes = 1; }},
        {"class count disagrees", [](Fields& f) { f.n_classes = 4; }},
        {"classes unsorted",
         [](Fields& f) {
             f.classes = {0, 2, 1};
         }},
        {"classes repeated",
         [](Fields& f) {
             f.classes = {0, 1, 1};
         }},
        {"zero features", [](Fields& f) { f.n_features = 0; }},
        {"huge feature count", [](Fields& f) { f.n_features = 0xffffffffu; }},
        {"feature count over remaining bytes", [](Fields& f) { f.n_features = 1u << 20; }},
        {"row count wrong", [](Fields& f) { f.rows = 2; }},
        {"row count huge", [](Fields& f) { f.rows = 0xffffffffu; }},
        {"weight NaN", [](Fields& f) { f.coef[3] = kNaN; }},
        {"weight infinite", [](Fields& f) { f.coef[0] = -kInf; }},
        {"intercept NaN", [](Fields& f) { f.intercept[1] = kNaN; }},
        {"t NaN", [](Fields& f) { f.t = kNaN; }},
        {"t below one", [](Fields& f) { f.t = 0.0; }},
        {"huge metadata count", [](Fields& f) { f.n_metadata = 0xffffffffu; }},
        {"metadata count over limit", [](Fields& f) { f.n_metadata = kMaxMetadataEntries + 1; }},
        {"metadata count disagrees", [](Fields& f) { f.n_metadata = 3; }},
        {"duplicate metadata key", [](Fields& f) { f.metadata[1].first = "source"; }},
        {"metadata key too long",
         [](Fields& f) { f.metadata[0].first = std::string(kMaxMetadataKeyBytes + 1, 'k'); }},
        {"bytes after metadata", [](Fields& f) { f.before_crc = "junk"; }},
    };
    for (const auto& [why, mutate] : cases) {
        Fields fields;
        mutate(fields);
        expect_rejected(fields.seal(), why);
    }
}

TEST(ModelFile, LengthFieldMustMatch) {
    std::string bytes = Fields{}.seal();
    bytes[12] = static_cast<char>(bytes[12] + 1); // claims one byte more than present
    expect_rejected(bytes, "length one too large");
    bytes = Fields{}.seal();
    bytes[12] = 3; // impossibly small
    bytes[13] = bytes[14] = bytes[15] = 0;
    expect_rejected(bytes, "length below the minimum");
}

} // namespace
