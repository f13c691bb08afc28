#include "store/redis_url.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace liveml::store {
namespace {

constexpr std::string_view kScheme = "redis://";
// Redis' default is 16 databases; servers can be configured with more, never this many.
constexpr int kMaxDb = 100000;

// Masks everything between "://" and the last '@', so even a malformed URL quoted in an error
// never leaks a password (which may itself contain unescaped '/', ':' or '@').
std::string masked(std::string_view text) {
    const auto scheme_end = text.find("://");
    const auto at = text.rfind('@');
    if (scheme_end == std::string_view::npos || at == std::string_view::npos || at < scheme_end) {
        return std::string(text);
    }
    return std::string(text.substr(0, scheme_end + 3)) + "***" + std::string(text.substr(at));
}

[[noreturn]] void fail(std::string_view text, std::string_view reason) {
    throw RedisUrlError("invalid Redis URL \"" + masked(text) + "\": " + std::string(reason) +
                        " (expected redis://[[user]:password@]host[:port][/db])");
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text, std::string_view part, std::string_view url) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
        const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
        if (hi < 0 || lo < 0) fail(url, "bad percent-escape in the " + std::string(part));
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

int parse_number(std::string_view digits, int min, int max, std::string_view what,
                 std::string_view url) {
    int value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() ||
        value < min || value > max) {
        fail(url, std::string(what) + " must be a number in " + std::to_string(min) + ".." +
                      std::to_string(max) + ", got \"" + std::string(digits) + "\"");
    }
    return value;
}

bool valid_host_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}

void parse_host_port(std::string_view hostport, std::string_view url, RedisUrl& out) {
    std::string_view port_text;
    if (hostport.starts_with('[')) {
        const auto close = hostport.find(']');
        if (close == std::string_view::npos) fail(url, "unterminated [IPv6] host");
        out.host = std::string(hostport.substr(1, close - 1));
        const auto rest = hostport.substr(close + 1);
        if (!rest.empty() && !rest.starts_with(':')) fail(url, "unexpected text after ]");
        if (!rest.empty()) port_text = rest.substr(1);
        if (out.host.empty() ||
            out.host.find_first_not_of("0123456789abcdefABCDEF:.") != std::string::npos) {
            fail(url, "bad IPv6 address");
        }
    } else {
        const auto colon = hostport.find(':');
        out.host = std::string(hostport.substr(0, colon));
        if (colon != std::string_view::npos) port_text = hostport.substr(colon + 1);
        if (out.host.empty()) fail(url, "missing host");
        for (const char c : out.host) {
            if (!valid_host_char(c)) fail(url, "bad character in host \"" + out.host + "\"");
        }
    }
    if (hostport.ends_with(':')) fail(url, "empty port");
    if (!port_text.empty()) out.port = parse_number(port_text, 1, 65535, "port", url);
}

} // namespace

RedisUrl RedisUrl::parse(std::string_view text) {
    if (text.starts_with("rediss://")) {
        fail(text, "TLS (rediss://) is not supported by this build's hiredis 0.14");
    }
    if (text.starts_with("unix://")) fail(text, "unix sockets are not supported; use TCP");
    if (!text.starts_with(kScheme)) fail(text, "must start with redis://");
    for (const char c : text) {
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) {
            fail(text, "contains whitespace or control characters");
        }
    }
    RedisUrl url;
    std::string_view authority = text.substr(kScheme.size());
    const auto at = authority.rfind('@');
    if (at != std::string_view::npos) {
        const auto userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        const auto colon = userinfo.find(':');
        if (colon == std::string_view::npos) {
            fail(text, "credentials need a ':' (redis://:password@host or "
                       "redis://user:password@host)");
        }
        url.user = percent_decode(userinfo.substr(0, colon), "user", text);
        url.password = percent_decode(userinfo.substr(colon + 1), "password", text);
        if (url.password.empty()) fail(text, "empty password after ':'");
    }
    if (authority.find_first_of("?#") != std::string_view::npos) {
        fail(text, "query strings and fragments are not supported");
    }
    const auto slash = authority.find('/');
    if (slash != std::string_view::npos) {
        const auto db_text = authority.substr(slash + 1);
        if (!db_text.empty()) url.db = parse_number(db_text, 0, kMaxDb, "db", text);
        authority = authority.substr(0, slash);
    }
    parse_host_port(authority, text, url);
    return url;
}

std::string RedisUrl::to_string() const {
    std::string out(kScheme);
    if (!password.empty()) out += percent_encode(user) + ":***@";
    out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    out += ":" + std::to_string(port) + "/" + std::to_string(db);
    return out;
}

std::string RedisUrl::to_uri() const {
    std::string out(kScheme);
    if (!password.empty()) out += percent_encode(user) + ":" + percent_encode(password) + "@";
    out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    out += ":" + std::to_string(port) + "/" + std::to_string(db);
    return out;
}

std::optional<RedisUrl> redis_url_from_env() {
    const char* value = std::getenv(kRedisUrlEnv);
    if (value == nullptr || *value == '\0') return std::nullopt;
    try {
        return RedisUrl::parse(value);
    } catch (const RedisUrlError& error) {
        throw RedisUrlError(std::string(kRedisUrlEnv) + ": " + error.what());
    }
}

} // namespace liveml::store
