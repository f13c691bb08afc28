#pragma once
// One S3Proxy per test binary (its JVM takes seconds to start), with its own data folder and
// key pair, started on first use and stopped at exit. Fails the test, with the reason, when
// S3Proxy is not installed (scripts/install-s3proxy.sh).
#include "objectstore/s3_client.hpp"
#include "objectstore/s3proxy_server.hpp"

namespace liveml::objectstore::testing {

// The server shared by this binary's tests; throws std::runtime_error when it cannot start.
S3ProxyServer& shared_s3proxy();
// The key pair it accepts (test values, not secrets).
const S3Credentials& s3proxy_credentials();
// A client of the shared server (path style).
S3Client s3proxy_client();

} // namespace liveml::objectstore::testing
