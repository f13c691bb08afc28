#pragma once
// The S3 option group of `clip ingest` and `clip bucket-watch`: endpoint, addressing style,
// region, and where the key pair comes from (named environment variables or a credentials
// file; never a flag's value, which any local user can read from the process list).
#include <memory>
#include <string>

#include "objectstore/s3_client.hpp"

namespace CLI {
class App;
}

namespace liveml::cli {

struct S3Flags {
    std::string endpoint;
    std::string region = "us-east-1";
    bool virtual_host = false;
    std::string access_key_env = "AWS_ACCESS_KEY_ID";
    std::string secret_key_env = "AWS_SECRET_ACCESS_KEY";
    std::string ca_file;
    std::string credentials_file;
    std::string profile = "default";

    // `required`: --s3-endpoint must be given.
    void add_to(CLI::App& command, bool required);
    // Throws UsageError for a bad endpoint, std::runtime_error for missing credentials.
    std::unique_ptr<objectstore::S3Client> connect() const;
};

} // namespace liveml::cli
