#pragma once
// S3Proxy (org.gaul:s3proxy, scripts/install-s3proxy.sh) with its filesystem backend as our
// child process: a real S3-compatible server for the object-store tests and for trying
// `liveml clip ingest` on a machine without an object store. Answers on 127.0.0.1 only.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/child_process.hpp"
#include "objectstore/s3_credentials.hpp"

namespace liveml::objectstore {

inline constexpr std::string_view kS3ProxyVersion = "2.6.0";

struct S3ProxyInstall {
    std::string java;
    std::filesystem::path libs; // s3proxy-<version>.jar and its dependencies
};

// Java ($JAVA_HOME, else PATH) and the jars ($LIVEML_S3PROXY_LIBS, else
// ${XDG_CACHE_HOME:-~/.cache}/liveml/s3proxy-<version>/libs). nullopt with `why` saying what is
// missing and how to get it.
std::optional<S3ProxyInstall> find_s3proxy_install(std::string& why);

struct S3ProxyOptions {
    std::filesystem::path data_dir; // buckets are folders under data_dir/blobs; must exist
    S3Credentials credentials;      // the one key pair the server accepts (SigV2 or V4)
    // Host name for virtual-host requests (bucket.HOST); empty: path-style only. When set,
    // S3Proxy reads any other Host header as a bucket name, so endpoint() names this host.
    std::string virtual_host;
    // https only, with a self-signed certificate for 127.0.0.1 and localhost made by the JDK's
    // keytool; clients trust it through ca_file().
    bool tls = false;
    std::chrono::milliseconds start_timeout{60000};
    std::chrono::milliseconds stop_timeout{10000};
};

// The constructor returns once the server answers HTTP on a free loopback port; it throws
// std::runtime_error with the reason and the tail of the server's log otherwise. The
// credentials go into a 0600 properties file in data_dir, never on the command line.
class S3ProxyServer {
  public:
    S3ProxyServer(const S3ProxyInstall& install, S3ProxyOptions options);
    ~S3ProxyServer();
    S3ProxyServer(const S3ProxyServer&) = delete;
    S3ProxyServer& operator=(const S3ProxyServer&) = delete;

    int port() const noexcept { return port_; }
    std::string endpoint() const; // "http://127.0.0.1:PORT" ("http://VIRTUAL_HOST:PORT")
    // With tls: the server's certificate (PEM), for S3ClientOptions::ca_file.
    std::filesystem::path ca_file() const { return options_.data_dir / "s3proxy-cert.pem"; }
    std::filesystem::path log_file() const { return options_.data_dir / "s3proxy.log"; }
    void stop();

  private:
    void make_certificate(const S3ProxyInstall& install);
    void launch(const S3ProxyInstall& install);

    S3ProxyOptions options_;
    int port_ = 0;
    std::unique_ptr<ChildProcess> process_;
};

} // namespace liveml::objectstore
