#pragma once
// AWS Signature Version 4
// (docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html): how every
// S3 request of ours is authenticated. Pure functions, so the published test vectors check each
// step (canonical request, string to sign, signature).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liveml::objectstore {

struct SigV4Request {
    std::string method;                                       // "GET", "PUT", …
    std::string path;                                         // raw (not encoded), starts with '/'
    std::vector<std::pair<std::string, std::string>> query;   // raw names and values
    std::vector<std::pair<std::string, std::string>> headers; // every header that is signed
    std::string payload_hash; // hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
};

struct SigV4Scope {
    std::string amz_date; // "20150830T123600Z"
    std::string region;   // "us-east-1"
    std::string service;  // "s3"
};

struct SigV4Signature {
    std::string canonical_request;
    std::string string_to_sign;
    std::string signature;     // hex
    std::string authorization; // the Authorization header's value
};

// RFC 3986 percent-encoding as SigV4 wants it: unreserved characters (A-Z a-z 0-9 - _ . ~)
// kept, every other byte %XX in upper case; '/' kept only when keep_slash (object key paths).
std::string uri_encode(std::string_view raw, bool keep_slash);

std::string sha256_hex(std::string_view bytes);

// Signs `request` with the secret key; access_key names the key in the Authorization header.
SigV4Signature sigv4_sign(const SigV4Request& request, const SigV4Scope& scope,
                          std::string_view access_key, std::string_view secret_key);

// The current UTC time in SigV4's basic ISO 8601 form ("20150830T123600Z").
std::string amz_date_now();

} // namespace liveml::objectstore
