#pragma once
#include <cstddef>
#include <span>

namespace liveml::imaging {

// stb_image (Debian's 2022 snapshot) trusts a JPEG's DHT code counts: a Huffman table that
// declares more than 256 codes overruns its fixed tables inside the decoder (found by
// fuzz/image_decode; stb checks this only in later releases). True when `bytes` is something
// stb would read as a JPEG and any DHT segment in it declares such a table, so the caller can
// refuse the file before stb sees it.
bool jpeg_has_oversized_huffman_table(std::span<const std::byte> bytes);

} // namespace liveml::imaging
