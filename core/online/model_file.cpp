#include "online/model_file.hpp"

#include <zlib.h>

#include <functional>
#include <utility>
#include <vector>

#include "common/file_bytes.hpp"
#include "online/learner_registry.hpp"
#include "online/model_codec.hpp"

namespace liveml::online {

namespace {

constexpr std::string_view kMagic{"LIVEMLM\0", 8};
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

// Checks that make every later read meaningful: size, magic, version, length, checksum.
// Returns the version.
std::uint32_t check_envelope(std::string_view bytes) {
    if (bytes.size() > kMaxModelBytes)
        throw ModelFormatError("model file is " + std::to_string(bytes.size()) +
                               " bytes, more than the limit of " + std::to_string(kMaxModelBytes) +
                               " bytes");
    if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic)
        throw ModelFormatError("not a LiveML model file (it does not start with \"LIVEMLM\")");
    codec::ByteReader header(bytes.substr(kMagic.size()));
    const std::uint32_t version = header.u32("the format version");
    if (version != kModelFormatVersion && version != kLearnerModelFormatVersion)
        throw ModelFormatError("unsupported model format version " + std::to_string(version) +
                               " (this build reads versions " +
                               std::to_string(kModelFormatVersion) + " and " +
                               std::to_string(kLearnerModelFormatVersion) + ")");
    const std::uint32_t total = header.u32("the total length");
    if (total < kHeaderBytes + kCrcBytes)
        codec::corrupt("the recorded length " + std::to_string(total) + " is impossibly small");
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
        codec::corrupt("the CRC-32 checksum does not match its contents");
    return version;
}

std::map<std::string, std::string> read_metadata(codec::ByteReader& in) {
    const std::uint32_t n = in.u32("the metadata count");
    if (n > kMaxMetadataEntries)
        codec::corrupt("it claims " + std::to_string(n) + " metadata entries, the limit is " +
                       std::to_string(kMaxMetadataEntries));
    std::map<std::string, std::string> metadata;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string key(in.str("a metadata key", kMaxMetadataKeyBytes));
        std::string value(in.str("a metadata value", kMaxMetadataValueBytes));
        if (!metadata.emplace(std::move(key), std::move(value)).second)
            codec::corrupt("a metadata key appears twice");
    }
    return metadata;
}

// Parses everything after the envelope checks; `read` turns the learner's state into a model.
template <typename Model>
std::pair<Model, std::map<std::string, std::string>>
parse(std::string_view bytes,
      const std::function<Model(std::string_view, codec::ByteReader&)>& read) {
    const std::uint32_t version = check_envelope(bytes);
    codec::ByteReader in(bytes.substr(kHeaderBytes, bytes.size() - kHeaderBytes - kCrcBytes));
    const std::string_view kind = in.str("the learner kind", kMaxNameBytes);
    if (version == kModelFormatVersion && kind != SgdClassifier::kKind)
        throw ModelFormatError("model file holds an unsupported learner '" + std::string(kind) +
                               "' (version 1 files hold " + std::string(SgdClassifier::kKind) +
                               ")");
    Model model = read(kind, in);
    std::map<std::string, std::string> metadata = read_metadata(in);
    if (in.remaining() != 0)
        codec::corrupt(std::to_string(in.remaining()) + " unexpected bytes follow the metadata");
    return {std::move(model), std::move(metadata)};
}

std::string load_bytes(const std::filesystem::path& path) {
    try {
        return read_file_bytes(path, kMaxModelBytes);
    } catch (const std::runtime_error& e) {
        throw ModelFormatError(std::string("cannot load model: ") + e.what());
    }
}

template <typename F> auto naming_path(const std::filesystem::path& path, F&& f) {
    try {
        return f();
    } catch (const ModelFormatError& e) {
        throw ModelFormatError(path.string() + ": " + e.what());
    }
}

} // namespace

std::string serialize_model(const OnlineClassifier& model,
                            const std::map<std::string, std::string>& metadata) {
    if (metadata.size() > kMaxMetadataEntries)
        throw std::invalid_argument("too many metadata entries to save");
    codec::ByteWriter out;
    out.bytes().append(kMagic);
    out.u32(model.kind() == SgdClassifier::kKind ? kModelFormatVersion
                                                 : kLearnerModelFormatVersion);
    out.u32(0); // total length, patched below
    out.str(model.kind());
    model.write_state(out);
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

SavedLearner deserialize_learner(std::string_view bytes) {
    auto [model, metadata] = parse<std::unique_ptr<OnlineClassifier>>(bytes, &read_learner_state);
    return {std::move(model), std::move(metadata)};
}

SavedModel deserialize_model(std::string_view bytes) {
    auto [model,
          metadata] = parse<SgdClassifier>(bytes, [](std::string_view kind, codec::ByteReader& in) {
        if (kind != SgdClassifier::kKind)
            throw ModelFormatError("model file holds a '" + std::string(kind) +
                                   "' learner; this needs " + std::string(SgdClassifier::kKind));
        return SgdClassifier::read_state(in);
    });
    return {std::move(model), std::move(metadata)};
}

void save_model_file(const std::filesystem::path& path, const OnlineClassifier& model,
                     const std::map<std::string, std::string>& metadata) {
    write_file_atomic(path, serialize_model(model, metadata));
}

SavedModel load_model_file(const std::filesystem::path& path) {
    const std::string bytes = load_bytes(path);
    return naming_path(path, [&] { return deserialize_model(bytes); });
}

SavedLearner load_learner_file(const std::filesystem::path& path) {
    const std::string bytes = load_bytes(path);
    return naming_path(path, [&] { return deserialize_learner(bytes); });
}

} // namespace liveml::online
