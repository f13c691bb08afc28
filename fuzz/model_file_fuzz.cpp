// Model files come from disk and from Redis. The input is fuzzed twice: as is (the envelope
// checks), and with its length field and CRC-32 made right, since random bytes almost never
// carry a valid checksum and the body parser behind it would otherwise go unexplored. Corpus
// entries are therefore model files without their 4-byte CRC trailer.
#include "online/model_file.hpp"

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace liveml::online;

namespace {

constexpr std::size_t kLengthOffset = 12; // after "LIVEMLM\0" and the version

void put_u32(std::string& bytes, std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i)
        bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

std::string with_valid_envelope(std::string_view body) {
    std::string bytes(body);
    if (bytes.size() < kLengthOffset + 4) return bytes;
    put_u32(bytes, kLengthOffset, static_cast<std::uint32_t>(bytes.size() + 4));
    const auto crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()),
                           static_cast<uInt>(bytes.size()));
    bytes.resize(bytes.size() + 4);
    put_u32(bytes, bytes.size() - 4, static_cast<std::uint32_t>(crc));
    return bytes;
}

std::optional<SavedModel> load(std::string_view bytes) {
    try {
        return deserialize_model(bytes);
    } catch (const ModelFormatError&) {
        return std::nullopt;
    }
}

void check(std::string_view bytes) {
    std::optional<SavedModel> maybe = load(bytes);
    if (!maybe) return;
    const SavedModel& loaded = *maybe;
    // A model that loads must predict (with consistent shapes) and save back to itself.
    const std::vector<double> x(loaded.model.n_features(), 1.0);
    (void)loaded.model.predict(x);
    if (loaded.model.params().loss == Loss::Log) {
        std::vector<double> proba(loaded.model.classes().size());
        loaded.model.predict_proba(x, proba);
    }
    const std::string saved = serialize_model(loaded.model, loaded.metadata);
    const SavedModel again = deserialize_model(saved);
    if (serialize_model(again.model, again.metadata) != saved) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check(bytes);
    check(with_valid_envelope(bytes));
    return 0;
}
