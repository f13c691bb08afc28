#include "objectstore/s3_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <mutex>

#include "objectstore/sigv4.hpp"

namespace liveml::objectstore {
namespace {

// libcurl's global state is set up once per process, before any handle.
void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string describe(std::string_view bucket, std::string_view key) {
    return key.empty() ? "s3://" + std::string(bucket)
                       : "s3://" + std::string(bucket) + "/" + std::string(key);
}

} // namespace

S3Endpoint parse_endpoint(std::string_view url) {
    S3Endpoint endpoint;
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos)
        throw std::invalid_argument("S3 endpoint '" + std::string(url) +
                                    "' needs a scheme: http://host[:port] or https://…");
    endpoint.scheme = lower(url.substr(0, scheme_end));
    if (endpoint.scheme != "http" && endpoint.scheme != "https")
        throw std::invalid_argument("S3 endpoint '" + std::string(url) +
                                    "': the scheme must be http or https");
    auto rest = url.substr(scheme_end + 3);
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.find_first_of("/?#@") != std::string_view::npos)
        throw std::invalid_argument("S3 endpoint '" + std::string(url) +
                                    "': give only scheme, host and port (no path, no user)");
    const auto colon = rest.rfind(':');
    if (colon != std::string_view::npos && rest.find(']') == std::string_view::npos) {
        const auto port = rest.substr(colon + 1);
        const auto [ptr, ec] =
            std::from_chars(port.data(), port.data() + port.size(), endpoint.port);
        if (ec != std::errc{} || ptr != port.data() + port.size() || endpoint.port <= 0 ||
            endpoint.port > 65535)
            throw std::invalid_argument("S3 endpoint '" + std::string(url) + "': bad port");
        rest = rest.substr(0, colon);
    }
    if (rest.empty())
        throw std::invalid_argument("S3 endpoint '" + std::string(url) + "' has no host");
    endpoint.host = lower(rest);
    return endpoint;
}

struct S3Client::Curl {
    CURL* handle = nullptr;
    ~Curl() {
        if (handle) curl_easy_cleanup(handle);
    }
};

struct S3Client::Call {
    std::string method;
    std::string bucket;
    std::string key;
    std::vector<std::pair<std::string, std::string>> query;
    std::string_view body;
    std::string content_type;
    std::uint64_t max_bytes = UINT64_MAX;
};

struct S3Client::Response {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // names in lower case
    bool too_large = false;
};

S3Client::S3Client(S3Endpoint endpoint, S3Credentials credentials, S3ClientOptions options)
    : endpoint_(std::move(endpoint)), credentials_(std::move(credentials)), options_(options),
      curl_(std::make_unique<Curl>()) {
    global_init();
    curl_->handle = curl_easy_init();
    if (!curl_->handle) throw std::runtime_error("libcurl could not create a handle");
}

S3Client::~S3Client() = default;

S3Client::Response S3Client::perform(const Call& call) {
    // Virtual-host style moves the bucket into the host name; path style keeps it in the path.
    std::string host = endpoint_.host;
    std::string path = "/";
    if (endpoint_.virtual_host && !call.bucket.empty())
        host = call.bucket + "." + host;
    else if (!call.bucket.empty())
        path += call.bucket + (call.key.empty() ? "" : "/");
    path += call.key;
    const std::string host_header =
        endpoint_.port ? host + ":" + std::to_string(endpoint_.port) : host;

    SigV4Request request;
    request.method = call.method;
    request.path = path;
    request.query = call.query;
    request.payload_hash = sha256_hex(call.body);
    const auto amz_date = amz_date_now();
    request.headers = {{"host", host_header},
                       {"x-amz-content-sha256", request.payload_hash},
                       {"x-amz-date", amz_date}};
    if (!call.content_type.empty()) request.headers.emplace_back("content-type", call.content_type);
    if (!credentials_.session_token.empty())
        request.headers.emplace_back("x-amz-security-token", credentials_.session_token);
    const auto signature = sigv4_sign(request, {amz_date, endpoint_.region, "s3"},
                                      credentials_.access_key, credentials_.secret_key);

    std::string url = endpoint_.scheme + "://" + host_header + uri_encode(path, true);
    std::string query;
    for (const auto& [name, value] : call.query)
        query +=
            (query.empty() ? "?" : "&") + uri_encode(name, false) + "=" + uri_encode(value, false);
    url += query;

    CURL* curl = curl_->handle;
    curl_easy_reset(curl);
    Response response;
    struct Sink {
        Response* response;
        std::uint64_t max_bytes;
    } sink{&response, call.max_bytes};
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers)
        if (name != "host") headers = curl_slist_append(headers, (name + ": " + value).c_str());
    headers = curl_slist_append(headers, ("Authorization: " + signature.authorization).c_str());
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip on PUT
    if (call.content_type.empty()) headers = curl_slist_append(headers, "Content-Type:");

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options_.request_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
    // Object keys may hold "/./" or "/../": they name objects, not directories to squash.
    curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
    if (call.method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (call.method == "PUT") {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, call.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(call.body.size()));
    } else if (call.method != "GET") {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, call.method.c_str());
    }
    using Write = size_t (*)(char*, size_t, size_t, void*);
    const Write write_body = [](char* data, size_t size, size_t count, void* user) -> size_t {
        auto& s = *static_cast<Sink*>(user);
        const auto n = size * count;
        if (s.response->body.size() + n > s.max_bytes) {
            s.response->too_large = true;
            return 0; // libcurl stops the transfer
        }
        s.response->body.append(data, n);
        return n;
    };
    const Write write_header = [](char* data, size_t size, size_t count, void* user) -> size_t {
        auto& s = *static_cast<Sink*>(user);
        const std::string_view line(data, size * count);
        if (const auto colon = line.find(':'); colon != std::string_view::npos) {
            auto value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
                value.remove_prefix(1);
            while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
                value.remove_suffix(1);
            s.response->headers[lower(line.substr(0, colon))] = std::string(value);
        }
        return size * count;
    };
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &sink);
    const auto code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    const auto target = describe(call.bucket, call.key);
    if (response.too_large)
        throw S3Error(call.method + " " + target + ": the object is larger than the limit of " +
                          std::to_string(call.max_bytes) + " bytes",
                      413, "TooLarge");
    if (code != CURLE_OK)
        throw S3Error(call.method + " " + target + " at " + endpoint_.scheme + "://" + host_header +
                          ": " + curl_easy_strerror(code),
                      0, "");
    if (response.status >= 300) {
        const auto error = parse_s3_error(response.body);
        std::string what = call.method + " " + target + ": HTTP " + std::to_string(response.status);
        if (error)
            what += " " + error->code + (error->message.empty() ? "" : ": " + error->message);
        throw S3Error(what, response.status, error ? error->code : "");
    }
    return response;
}

void S3Client::create_bucket(std::string_view bucket) {
    try {
        perform({"PUT", std::string(bucket), "", {}, {}, "", UINT64_MAX});
    } catch (const S3Error& e) {
        if (e.code() != "BucketAlreadyOwnedByYou") throw;
    }
}

std::string S3Client::put_object(std::string_view bucket, std::string_view key,
                                 std::string_view bytes, std::string_view content_type) {
    const auto response = perform({"PUT",
                                   std::string(bucket),
                                   std::string(key),
                                   {},
                                   bytes,
                                   std::string(content_type),
                                   UINT64_MAX});
    const auto etag = response.headers.find("etag");
    return etag == response.headers.end() ? "" : unquote_etag(etag->second);
}

S3Object S3Client::get_object(std::string_view bucket, std::string_view key,
                              std::uint64_t max_bytes) {
    auto response = perform({"GET", std::string(bucket), std::string(key), {}, {}, "", max_bytes});
    S3Object object;
    object.bytes = std::move(response.body);
    if (const auto etag = response.headers.find("etag"); etag != response.headers.end())
        object.etag = unquote_etag(etag->second);
    if (const auto type = response.headers.find("content-type"); type != response.headers.end())
        object.content_type = type->second;
    return object;
}

std::optional<S3Head> S3Client::head_object(std::string_view bucket, std::string_view key) {
    try {
        const auto response =
            perform({"HEAD", std::string(bucket), std::string(key), {}, {}, "", UINT64_MAX});
        S3Head head;
        if (const auto length = response.headers.find("content-length");
            length != response.headers.end())
            std::from_chars(length->second.data(), length->second.data() + length->second.size(),
                            head.size);
        if (const auto etag = response.headers.find("etag"); etag != response.headers.end())
            head.etag = unquote_etag(etag->second);
        return head;
    } catch (const S3Error& e) {
        if (e.not_found()) return std::nullopt;
        throw;
    }
}

void S3Client::delete_object(std::string_view bucket, std::string_view key) {
    try {
        perform({"DELETE", std::string(bucket), std::string(key), {}, {}, "", UINT64_MAX});
    } catch (const S3Error& e) {
        if (!e.not_found() || e.code() == "NoSuchBucket") throw;
    }
}

ListPage S3Client::list_objects_v2(std::string_view bucket, std::string_view prefix,
                                   std::string_view continuation_token, int max_keys) {
    Call call{"GET", std::string(bucket), "", {}, {}, "", 64ull << 20};
    call.query = {{"list-type", "2"}, {"max-keys", std::to_string(max_keys)}};
    if (!prefix.empty()) call.query.emplace_back("prefix", prefix);
    if (!continuation_token.empty())
        call.query.emplace_back("continuation-token", continuation_token);
    return parse_list_objects_v2(perform(call).body);
}

} // namespace liveml::objectstore
