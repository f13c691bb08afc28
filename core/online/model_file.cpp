#include "online/model_file.hpp"

#include <zlib.h>

#include <cmath>
#include <vector>

#include "common/file_bytes.hpp"
#include "online/model_codec.hpp"

namespace liveml::online {

namespace {

constexpr std::string_view kMagic{"LIVEMLM\0", 8};
constexpr std::string_view kLearnerSgd = "sgd_classifier";
constexpr std::size_t kMaxNameBytes = 64;
// magic + version + total length, then the trailing CRC-32.
constexpr std::size_t kHeaderBytes = 8 + 4 + 4;
constexpr std::size_t kCrcBytes = 4;

std::uint32_t crc32_of(std::string_view bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    // zlib takes uInt lengths; kMaxModelBytes keeps us far below that limit.
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size()));
    return static_cast<std::uint32_t>(crc);
}

[[noreturn]] void corrupt(const std::string& why) {
    throw ModelFormatError("model file is corrupt: " + why);
}

// Checks that make every later read meaningful: size, magic, version, length, checksum.
void check_envelope(std::string_view bytes) {
    if (bytes.size() > kMaxModelBytes)
        throw ModelFormatError("model file is " + std::to_string(bytes.size()) +
                               " bytes, more than the limit of " + std::to_string(kMaxModelBytes) +
                               " bytes");
    if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic)
        throw ModelFormatError("not a LiveML model file (it does not start with \"LIVEMLM\")");
    codec::ByteReader header(bytes.substr(kMagic.size()));
    const std::uint32_t version = header.u32("the format version");
    if (version != kModelFormatVersion)
        throw ModelFormatError("unsupported model format version " + std::to_string(version) +
                               " (this build reads version " + std::to_string(kModelFormatVersion) +
                               ")");
    const std::uint32_t total = header.u32("the total length");
    if (total < kHeaderBytes + kCrcBytes)
        corrupt("the recorded length " + std::to_string(total) + " is impossibly small");
    if (bytes.size() < total)
        throw ModelFormatError("model file is truncated: it has " + std::to_string(bytes.size()) +
                               " of its " + std::to_string(total) + " bytes");
    if (bytes.size() > total)
        throw ModelFormatError("model file has " + std::to_string(bytes.size() - total) +
                               " unexpected trailing bytes after its " + std::to_string(total) +
                               " bytes");
    const std::string_view body = bytes.substr(0, total - kCrcBytes);
    codec::ByteReader trailer(bytes.substr(body.size()));
    if (trailer.u32("the checksum") != crc32_of(body))
        corrupt("the CRC-32 checksum does not match its contents");
}

std::vector<double> read_finite_doubles(codec::ByteReader& in, std::uint64_t count,
                                        const char* what) {
    in.require(count, sizeof(double), what);
    std::vector<double> values(count);
    for (double& v : values) {
        v = in.f64(what);
        if (!std::isfinite(v)) corrupt(std::string(what) + " contain a non-finite value");
    }
    return values;
}

SgdParams read_params(codec::ByteReader& in) {
    const std::string_view learner = in.str("the learner kind", kMaxNameBytes);
    if (learner != kLearnerSgd)
        throw ModelFormatError("model file holds an unsupported learner '" + std::string(learner) +
                               "' (expected " + std::string(kLearnerSgd) + ")");
    SgdParams params;
    try {
        params.loss = parse_loss(in.str("the loss", kMaxNameBytes));
        params.penalty = parse_penalty(in.str("the penalty", kMaxNameBytes));
    } catch (const std::invalid_argument& e) {
        corrupt(e.what());
    }
    params.alpha = in.f64("alpha");
    if (!std::isfinite(params.alpha) || !(params.alpha > 0.0))
        corrupt("alpha must be a finite number greater than 0");
    return params;
}

std::vector<int> read_classes(codec::ByteReader& in) {
    const std::uint32_t n = in.u32("the class count");
    if (n < 2 || n > kMaxModelClasses)
        corrupt("the class count " + std::to_string(n) + " is outside 2.." +
                std::to_string(kMaxModelClasses));
    in.require(n, 4, "the class labels");
    std::vector<int> classes(n);
    for (std::size_t i = 0; i < n; ++i) {
        classes[i] = in.i32("the class labels");
        if (i > 0 && classes[i] <= classes[i - 1])
            corrupt("the class labels are not strictly increasing");
    }
    return classes;
}

std::map<std::string, std::string> read_metadata(codec::ByteReader& in) {
    const std::uint32_t n = in.u32("the metadata count");
    if (n > kMaxMetadataEntries)
        corrupt("it claims " + std::to_string(n) + " metadata entries, the limit is " +
                std::to_string(kMaxMetadataEntries));
    std::map<std::string, std::string> metadata;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string key(in.str("a metadata key", kMaxMetadataKeyBytes));
        std::string value(in.str("a metadata value", kMaxMetadataValueBytes));
        if (!metadata.emplace(std::move(key), std::move(value)).second)
            corrupt("a metadata key appears twice");
    }
    return metadata;
}

} // namespace

std::string serialize_model(const SgdClassifier& model,
                            const std::map<std::string, std::string>& metadata) {
    if (metadata.size() > kMaxMetadataEntries)
        throw std::invalid_argument("too many metadata entries to save");
    codec::ByteWriter out;
    out.bytes().append(kMagic);
    out.u32(kModelFormatVersion);
    out.u32(0); // total length, patched below
    out.str(kLearnerSgd);
    out.str(to_string(model.params().loss));
    out.str(to_string(model.params().penalty));
    out.f64(model.params().alpha);
    out.u32(static_cast<std::uint32_t>(model.classes().size()));
    for (const int c : model.classes())
        out.i32(c);
    out.u32(static_cast<std::uint32_t>(model.n_features()));
    out.u32(static_cast<std::uint32_t>(model.n_coef_rows()));
    for (std::size_t r = 0; r < model.n_coef_rows(); ++r)
        for (const double w : model.coef(r))
            out.f64(w);
    for (const double b : model.intercept())
        out.f64(b);
    out.f64(model.t());
    out.u64(model.samples_seen());
    out.u32(static_cast<std::uint32_t>(metadata.size()));
    for (const auto& [key, value] : metadata) {
        if (key.size() > kMaxMetadataKeyBytes || value.size() > kMaxMetadataValueBytes)
            throw std::invalid_argument("metadata entry '" + key.substr(0, 64) +
                                        "' is too long to save");
        out.str(key);
        out.str(value);
    }
    std::string& bytes = out.bytes();
    const std::size_t total = bytes.size() + kCrcBytes;
    if (total > kMaxModelBytes)
        throw std::invalid_argument("model is too large to save (" + std::to_string(total) +
                                    " bytes)");
    codec::ByteWriter length;
    length.u32(static_cast<std::uint32_t>(total));
    bytes.replace(kMagic.size() + 4, 4, length.bytes());
    codec::ByteWriter crc;
    crc.u32(crc32_of(bytes));
    return bytes + crc.bytes();
}

SavedModel deserialize_model(std::string_view bytes) {
    check_envelope(bytes);
    codec::ByteReader in(bytes.substr(kHeaderBytes, bytes.size() - kHeaderBytes - kCrcBytes));
    const SgdParams params = read_params(in);
    std::vector<int> classes = read_classes(in);
    const std::uint32_t n_features = in.u32("the feature count");
    if (n_features < 1 || n_features > kMaxModelFeatures)
        corrupt("the feature count " + std::to_string(n_features) + " is outside 1.." +
                std::to_string(kMaxModelFeatures));
    const std::uint32_t rows = in.u32("the weight row count");
    const std::size_t expected_rows = classes.size() == 2 ? 1 : classes.size();
    if (rows != expected_rows)
        corrupt("it has " + std::to_string(rows) + " weight rows for " +
                std::to_string(classes.size()) + " classes (expected " +
                std::to_string(expected_rows) + ")");
    std::vector<double> coef =
        read_finite_doubles(in, std::uint64_t{rows} * n_features, "the weights");
    std::vector<double> intercept = read_finite_doubles(in, rows, "the intercepts");
    const double t = in.f64("t");
    const std::uint64_t samples_seen = in.u64("the sample count");
    std::map<std::string, std::string> metadata = read_metadata(in);
    if (in.remaining() != 0)
        corrupt(std::to_string(in.remaining()) + " unexpected bytes follow the metadata");

    try {
        SgdClassifier model(params, std::move(classes), n_features);
        model.restore(std::move(coef), std::move(intercept), t, samples_seen);
        return {std::move(model), std::move(metadata)};
    } catch (const std::invalid_argument& e) {
        corrupt(e.what());
    }
}

void save_model_file(const std::filesystem::path& path, const SgdClassifier& model,
                     const std::map<std::string, std::string>& metadata) {
    write_file_atomic(path, serialize_model(model, metadata));
}

SavedModel load_model_file(const std::filesystem::path& path) {
    std::string bytes;
    try {
        bytes = read_file_bytes(path, kMaxModelBytes);
    } catch (const std::runtime_error& e) {
        throw ModelFormatError(std::string("cannot load model: ") + e.what());
    }
    try {
        return deserialize_model(bytes);
    } catch (const ModelFormatError& e) {
        throw ModelFormatError(path.string() + ": " + e.what());
    }
}

} // namespace liveml::online
