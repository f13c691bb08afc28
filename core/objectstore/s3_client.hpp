#pragma once
// A small S3 client over libcurl, signed with SigV4 (sigv4.hpp): the calls ingest and
// bucket-watch need, against AWS, MinIO, Ceph RGW or S3Proxy. libcurl rather than Debian's
// libs3 (a 2016 snapshot of a project without releases since, with its own request loop and
// callback API): libcurl is maintained, does TLS, keep-alive and proxies, and SigV4 signing is
// 100 lines checked against AWS's published vectors.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "objectstore/s3_credentials.hpp"
#include "objectstore/s3_xml.hpp"

namespace liveml::objectstore {

struct S3Endpoint {
    std::string scheme = "http"; // "https" turns TLS on (libcurl verifies the certificate)
    std::string host;            // "127.0.0.1", "s3.eu-west-1.amazonaws.com"
    int port = 0;                // 0: the scheme's default
    std::string region = "us-east-1";
    // Path-style (http://host/bucket/key, MinIO's and S3Proxy's default) or virtual-host
    // (http://bucket.host/key, AWS's default).
    bool virtual_host = false;
};

// Parses "http[s]://host[:port]" (a trailing '/' allowed, nothing else after it). Throws
// std::invalid_argument naming what is wrong.
S3Endpoint parse_endpoint(std::string_view url);

// A failed request: the HTTP status (0 when none came back: connection refused, TLS, timeout),
// S3's error code ("NoSuchKey") when the body had one.
class S3Error : public std::runtime_error {
  public:
    S3Error(const std::string& what, long status, std::string code)
        : std::runtime_error(what), status_(status), code_(std::move(code)) {}
    long status() const noexcept { return status_; }
    const std::string& code() const noexcept { return code_; }
    bool not_found() const noexcept { return status_ == 404; }

  private:
    long status_;
    std::string code_;
};

struct S3Object {
    std::string bytes;
    std::string etag;
    std::string content_type;
};

struct S3Head {
    std::uint64_t size = 0;
    std::string etag;
};

struct S3ClientOptions {
    long connect_timeout_ms = 5000;
    long request_timeout_ms = 60000;
    // PEM file of the certificate authorities that https endpoints are verified against;
    // empty: the system's (/etc/ssl/certs).
    std::string ca_file;
};

// One connection (kept alive between calls). Not thread-safe: one client per thread.
class S3Client {
  public:
    S3Client(S3Endpoint endpoint, S3Credentials credentials, S3ClientOptions options = {});
    ~S3Client();
    S3Client(const S3Client&) = delete;
    S3Client& operator=(const S3Client&) = delete;

    const S3Endpoint& endpoint() const noexcept { return endpoint_; }

    // Creates the bucket; one that exists already and is ours is fine.
    void create_bucket(std::string_view bucket);
    // Returns the new object's ETag.
    std::string put_object(std::string_view bucket, std::string_view key, std::string_view bytes,
                           std::string_view content_type = "application/octet-stream");
    // Refuses (S3Error with status 413, code "TooLarge") an object over max_bytes before
    // reading its body into memory.
    S3Object get_object(std::string_view bucket, std::string_view key,
                        std::uint64_t max_bytes = UINT64_MAX);
    std::optional<S3Head> head_object(std::string_view bucket, std::string_view key);
    // Deleting an object that does not exist succeeds (S3 semantics).
    void delete_object(std::string_view bucket, std::string_view key);
    // One page of at most max_keys entries, in key order.
    ListPage list_objects_v2(std::string_view bucket, std::string_view prefix = "",
                             std::string_view continuation_token = "", int max_keys = 1000);

  private:
    struct Response;
    struct Call;
    Response perform(const Call& call);

    S3Endpoint endpoint_;
    S3Credentials credentials_;
    S3ClientOptions options_;
    struct Curl;
    std::unique_ptr<Curl> curl_;
};

} // namespace liveml::objectstore
