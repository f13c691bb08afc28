#include "objectstore/sigv4.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <ctime>
#include <stdexcept>

namespace liveml::objectstore {
namespace {

std::string hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    return out;
}

std::string hmac(std::string_view key, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(),
              &length))
        throw std::runtime_error("HMAC-SHA256 failed");
    return {reinterpret_cast<const char*>(out.data()), length};
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Leading and trailing spaces dropped, inner runs of spaces collapsed to one.
std::string trim_value(std::string_view value) {
    std::string out;
    bool space = false;
    for (const char c : value) {
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

} // namespace

std::string uri_encode(std::string_view raw, bool keep_slash) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(raw.size());
    for (const char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
            (keep_slash && c == '/')) {
            out += ch;
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
    return hex(digest.data(), digest.size());
}

SigV4Signature sigv4_sign(const SigV4Request& request, const SigV4Scope& scope,
                          std::string_view access_key, std::string_view secret_key) {
    std::vector<std::pair<std::string, std::string>> query;
    for (const auto& [name, value] : request.query)
        query.emplace_back(uri_encode(name, false), uri_encode(value, false));
    std::ranges::sort(query);
    std::string canonical_query;
    for (const auto& [name, value] : query)
        canonical_query += (canonical_query.empty() ? "" : "&") + name + "=" + value;

    std::vector<std::pair<std::string, std::string>> headers;
    for (const auto& [name, value] : request.headers)
        headers.emplace_back(lower(name), trim_value(value));
    std::ranges::sort(headers);
    std::string canonical_headers, signed_headers;
    for (const auto& [name, value] : headers) {
        canonical_headers += name + ":" + value + "\n";
        signed_headers += (signed_headers.empty() ? "" : ";") + name;
    }

    SigV4Signature out;
    out.canonical_request = request.method + "\n" + uri_encode(request.path, true) + "\n" +
                            canonical_query + "\n" + canonical_headers + "\n" + signed_headers +
                            "\n" + request.payload_hash;
    const auto day = scope.amz_date.substr(0, 8);
    const auto credential_scope = day + "/" + scope.region + "/" + scope.service + "/aws4_request";
    out.string_to_sign = "AWS4-HMAC-SHA256\n" + scope.amz_date + "\n" + credential_scope + "\n" +
                         sha256_hex(out.canonical_request);
    auto key = hmac("AWS4" + std::string(secret_key), day);
    key = hmac(key, scope.region);
    key = hmac(key, scope.service);
    key = hmac(key, "aws4_request");
    const auto signature = hmac(key, out.string_to_sign);
    out.signature = hex(reinterpret_cast<const unsigned char*>(signature.data()), signature.size());
    out.authorization = "AWS4-HMAC-SHA256 Credential=" + std::string(access_key) + "/" +
                        credential_scope + ", SignedHeaders=" + signed_headers +
                        ", Signature=" + out.signature;
    return out;
}

std::string amz_date_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[17];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
    return buffer;
}

} // namespace liveml::objectstore
