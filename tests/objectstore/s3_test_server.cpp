#include "s3_test_server.hpp"

#include <memory>

#include "temp_dir.hpp"

namespace liveml::objectstore::testing {

const S3Credentials& s3proxy_credentials() {
    static const S3Credentials credentials{"liveml-test-access", "liveml-test-secret/+=", ""};
    return credentials;
}

S3ProxyServer& shared_s3proxy() {
    // Static locals die in reverse order of construction: the server stops before its folder
    // goes.
    static liveml::testing::TempDir data("s3proxy");
    static std::unique_ptr<S3ProxyServer> server = [] {
        std::string why;
        const auto install = find_s3proxy_install(why);
        if (!install) throw std::runtime_error(why);
        return std::make_unique<S3ProxyServer>(
            *install, S3ProxyOptions{data.path(), s3proxy_credentials(), "localhost"});
    }();
    return *server;
}

S3Client s3proxy_client() {
    return S3Client(parse_endpoint(shared_s3proxy().endpoint()), s3proxy_credentials());
}

} // namespace liveml::objectstore::testing
