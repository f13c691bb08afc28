#pragma once
// The few S3 XML responses we read (ListObjectsV2's ListBucketResult, the Error body). S3's
// XML is flat and attribute-free where we look, so a small scanner suffices; anything it
// cannot read is an error, never a crash.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liveml::objectstore {

struct ObjectEntry {
    std::string key;
    std::uint64_t size = 0;
    std::string etag; // without the quotes S3 puts around it
    std::string last_modified;
};

struct ListPage {
    std::vector<ObjectEntry> objects;
    bool truncated = false;
    std::string next_continuation_token;
};

// Throws std::runtime_error when the body is not a ListBucketResult.
ListPage parse_list_objects_v2(std::string_view xml);

struct S3ErrorBody {
    std::string code;    // "NoSuchKey", …
    std::string message; // S3's sentence
};

// The Error element of a failed request; nullopt when the body holds none.
std::optional<S3ErrorBody> parse_s3_error(std::string_view xml);

// The text of the first <tag>…</tag> in xml, entities decoded; nullopt when absent.
std::optional<std::string> xml_text(std::string_view xml, std::string_view tag);

// ETags come quoted ("\"9b2cf535f27731c974343645a3985328\""); the quotes are not part of it.
std::string unquote_etag(std::string_view etag);

} // namespace liveml::objectstore
