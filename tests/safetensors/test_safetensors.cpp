#include "safetensors/half_float.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>

using namespace liveml::safetensors;

namespace {

// A file image from a literal header and a data section of `data_bytes` zero bytes.
std::string make_file(const std::string& header, std::size_t data_bytes) {
    std::string out(8, '\0');
    const std::uint64_t n = header.size();
    std::memcpy(out.data(), &n, 8);
    return out + header + std::string(data_bytes, '\0');
}

// Expects parsing to fail with a message containing `needle`.
void expect_rejected(const std::string& file, const std::string& needle) {
    try {
        SafetensorsFile::from_bytes(file, {}, "bad.safetensors");
        FAIL() << "accepted a malformed file; expected error containing: " << needle;
    } catch (const std::runtime_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(needle), std::string::npos) << "message was: " << what;
        EXPECT_NE(what.find("bad.safetensors"), std::string::npos) << what;
    }
}

} // namespace

TEST(Safetensors, RoundTripThroughFileWithMetadata) {
    SafetensorsWriter w;
    const std::vector<float> a{1.0f, -2.5f, 3.25f, 0.0f, 1e-3f, 65504.0f};
    w.add("layer.weight", Dtype::F32, {2, 3}, a);
    w.add("half", Dtype::F16, {6}, a);
    w.add("brain", Dtype::BF16, {3, 2}, a);
    const std::vector<std::int64_t> ids{0, 1, 2};
    w.add_raw("position_ids", Dtype::I64, {1, 3}, std::as_bytes(std::span(ids)));
    w.set_metadata("format", "pt");

    const auto path = std::filesystem::path(LIVEML_TEST_BINARY_DIR) / "roundtrip.safetensors";
    w.write(path);
    const auto f = SafetensorsFile::open(path);
    ASSERT_EQ(f.tensors().size(), 4u);
    EXPECT_EQ(f.metadata().at("format"), "pt");
    EXPECT_EQ(f.at("layer.weight").shape, (std::vector<std::int64_t>{2, 3}));
    EXPECT_EQ(f.to_float32("layer.weight"), a);
    // Every value above is exactly representable in F16; 1e-3 is not exact in BF16.
    const auto h = f.to_float32("half");
    EXPECT_EQ(h[0], 1.0f);
    EXPECT_EQ(h[5], 65504.0f);
    EXPECT_NEAR(h[4], 1e-3f, 1e-6f);
    const auto b = f.to_float32("brain");
    EXPECT_EQ(b[2], 3.25f);
    EXPECT_NEAR(b[4], 1e-3f, 1e-5f);
    const auto raw = f.bytes(f.at("position_ids"));
    ASSERT_EQ(raw.size(), 24u);
    std::int64_t last = 0;
    std::memcpy(&last, raw.data() + 16, 8);
    EXPECT_EQ(last, 2);
    EXPECT_THROW((void)f.to_float32("position_ids"), std::runtime_error);
    EXPECT_THROW((void)f.at("missing"), std::runtime_error);
}

TEST(Safetensors, HeaderIsPaddedToEightBytes) {
    SafetensorsWriter w;
    const float one = 1.0f;
    w.add("x", Dtype::F32, {}, std::span(&one, 1));
    const auto bytes = w.serialize();
    std::uint64_t n = 0;
    std::memcpy(&n, bytes.data(), 8);
    EXPECT_EQ(n % 8, 0u);
    EXPECT_EQ(bytes.size(), 8 + n + 4);
}

TEST(Safetensors, ScalarsAndEmptyTensorsAreLegal) {
    const auto f = SafetensorsFile::from_bytes(
        make_file(R"({"s":{"dtype":"F32","shape":[],"data_offsets":[0,4]},)"
                  R"("e":{"dtype":"F16","shape":[0,7],"data_offsets":[4,4]},)"
                  R"("e2":{"dtype":"F32","shape":[3,0],"data_offsets":[4,4]}})",
                  4));
    EXPECT_EQ(f.at("s").numel(), 1u);
    EXPECT_EQ(f.at("e").numel(), 0u);
    EXPECT_TRUE(f.to_float32("e").empty());
    EXPECT_EQ(f.to_float32("s").size(), 1u);
}

TEST(Safetensors, AcceptsEveryFormatDtype) {
    for (const char* d : {"BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16",
                          "I32", "U32", "F32", "F64", "I64", "U64"}) {
        const auto dtype = parse_dtype(d);
        ASSERT_TRUE(dtype) << d;
        EXPECT_EQ(dtype_name(*dtype), d);
        const auto size = dtype_size(*dtype);
        const auto f = SafetensorsFile::from_bytes(
            make_file(std::string(R"({"t":{"dtype":")") + d +
                          R"(","shape":[2],"data_offsets":[0,)" + std::to_string(2 * size) + "]}}",
                      2 * size));
        EXPECT_EQ(f.at("t").dtype, *dtype);
    }
}

TEST(Safetensors, MalformedFilesAreRejectedWithSpecificMessages) {
    const std::string ok = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    expect_rejected(std::string("\x10\0\0", 3), "too short for the 8-byte header length");
    expect_rejected(make_file(ok, 8).substr(0, 20), "truncated");
    {
        auto f = make_file(ok, 8);
        const std::uint64_t huge = 200'000'000;
        std::memcpy(f.data(), &huge, 8);
        expect_rejected(f, "exceeds the limit");
    }
    expect_rejected(make_file(R"({"a":{"dtype":"F32",)", 8), "not valid JSON");
    expect_rejected(make_file(R"([1,2])", 0), "does not start with '{'");
    expect_rejected(make_file(R"({"a":{"dtype":"F31","shape":[2],"data_offsets":[0,8]}})", 8),
                    "tensor 'a': unknown dtype 'F31'");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8),
                    "tensor 'a': data_offsets span 8 bytes but shape × dtype needs 12");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8),
                    "tensor 'a': shape is negative");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                              R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                              12),
                    "tensor 'b': data overlaps the previous tensor");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                              R"("b":{"dtype":"F32","shape":[1],"data_offsets":[12,16]}})",
                              16),
                    "tensor 'b': gap of 4 bytes");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8),
                    "tensor 'a': gap of 4 bytes");
    expect_rejected(make_file(ok, 12), "4 trailing bytes");
    expect_rejected(make_file(ok, 4), "tensor 'a': data_offsets [0, 8] lie beyond the end");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                              R"("a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                              8),
                    "duplicate tensor name 'a'");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", 8),
                    "end is before begin");
    expect_rejected(make_file(R"({"a":{"dtype":"F32","shape":[2]}})", 8), "tensor 'a': missing");
    expect_rejected(
        make_file(R"({"a":{"dtype":"U8","shape":[4294967296,4294967296,2],"data_offsets":[0,8]}})",
                  8),
        "size overflows");
    expect_rejected(make_file(R"({"__metadata__":{"k":1}})", 0), "is not a string");
}

TEST(Safetensors, LimitOnHeaderSizeIsConfigurable) {
    const auto file = make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 8);
    EXPECT_THROW(SafetensorsFile::from_bytes(file, ReadLimits{16}), std::runtime_error);
    EXPECT_NO_THROW(SafetensorsFile::from_bytes(file, ReadLimits{1024}));
}

TEST(Safetensors, MissingFileNamesThePath) {
    try {
        SafetensorsFile::open("/nonexistent/model.safetensors");
        FAIL();
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/model.safetensors"), std::string::npos);
    }
}

TEST(HalfFloat, KnownF16Values) {
    EXPECT_EQ(f16_to_f32(0x3c00), 1.0f);
    EXPECT_EQ(f16_to_f32(0xc000), -2.0f);
    EXPECT_EQ(f16_to_f32(0x7bff), 65504.0f);
    EXPECT_EQ(f16_to_f32(0x0001), std::ldexp(1.0f, -24)); // smallest subnormal
    EXPECT_EQ(f16_to_f32(0x0400), std::ldexp(1.0f, -14)); // smallest normal
    EXPECT_EQ(f16_to_f32(0x3555), 0.333251953125f);
    EXPECT_TRUE(std::isinf(f16_to_f32(0x7c00)));
    EXPECT_TRUE(std::isnan(f16_to_f32(0x7e00)));
    EXPECT_TRUE(std::signbit(f16_to_f32(0x8000)));

    EXPECT_EQ(f32_to_f16(1.0f), 0x3c00);
    EXPECT_EQ(f32_to_f16(65504.0f), 0x7bff);
    EXPECT_EQ(f32_to_f16(65520.0f), 0x7c00); // halfway to the next binade rounds to inf
    EXPECT_EQ(f32_to_f16(65519.0f), 0x7bff);
    EXPECT_EQ(f32_to_f16(1.0f / 3.0f), 0x3555);
    EXPECT_EQ(f32_to_f16(std::ldexp(1.0f, -24)), 0x0001);
    EXPECT_EQ(f32_to_f16(std::ldexp(1.0f, -25)), 0x0000); // tie to even (0)
    EXPECT_EQ(f32_to_f16(std::ldexp(3.0f, -25)), 0x0002); // 1.5 ulp ties to even (2)
    // 1 + 2^-11 is exactly between 1 and 1 + 2^-10: ties to the even mantissa (1.0).
    EXPECT_EQ(f32_to_f16(1.0f + std::ldexp(1.0f, -11)), 0x3c00);
    EXPECT_EQ(f32_to_f16(1.0f + 3 * std::ldexp(1.0f, -11)), 0x3c02);
    EXPECT_EQ(f32_to_f16(-std::numeric_limits<float>::infinity()), 0xfc00);
    EXPECT_EQ(f32_to_f16(std::nanf("")) & 0x7c00, 0x7c00);
    // Every half survives a round trip through float.
    for (std::uint32_t h = 0; h < 0x10000; ++h) {
        if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff)) continue; // NaN payloads
        ASSERT_EQ(f32_to_f16(f16_to_f32(static_cast<std::uint16_t>(h))), h) << h;
    }
}

TEST(HalfFloat, KnownBf16Values) {
    EXPECT_EQ(bf16_to_f32(0x3f80), 1.0f);
    EXPECT_EQ(bf16_to_f32(0xc0a0), -5.0f);
    EXPECT_EQ(f32_to_bf16(1.0f), 0x3f80);
    EXPECT_EQ(f32_to_bf16(3.140625f), 0x4049);
    // 1 + 2^-8 is halfway between bf16 1.0 and 1 + 2^-7: ties to even (1.0).
    EXPECT_EQ(f32_to_bf16(1.0f + std::ldexp(1.0f, -8)), 0x3f80);
    EXPECT_EQ(f32_to_bf16(1.0f + 3 * std::ldexp(1.0f, -8)), 0x3f82);
    EXPECT_TRUE(std::isnan(bf16_to_f32(f32_to_bf16(std::nanf("")))));
}
