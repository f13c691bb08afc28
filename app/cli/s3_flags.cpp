#include "s3_flags.hpp"

#include <CLI/CLI.hpp>

#include "exit_codes.hpp"

namespace liveml::cli {

void S3Flags::add_to(CLI::App& command, bool required) {
    auto* option = command.add_option("--s3-endpoint", endpoint,
                                      "S3 server, http[s]://host[:port] (https: TLS)");
    if (required) option->required();
    command.add_option("--s3-region", region, "region for request signing")->capture_default_str();
    command.add_flag("--s3-virtual-host", virtual_host,
                     "address buckets as bucket.host (AWS) instead of host/bucket (MinIO, "
                     "S3Proxy, Ceph)");
    command
        .add_option("--access-key-env", access_key_env,
                    "environment variable holding the access key id")
        ->capture_default_str();
    command
        .add_option("--secret-key-env", secret_key_env,
                    "environment variable holding the secret access key")
        ->capture_default_str();
    command.add_option("--s3-ca-file", ca_file,
                       "PEM certificate authorities for an https endpoint (default: the "
                       "system's)");
    command.add_option("--credentials-file", credentials_file,
                       "AWS-style credentials file (instead of the environment variables)");
    command.add_option("--profile", profile, "section of --credentials-file")
        ->capture_default_str();
}

std::unique_ptr<objectstore::S3Client> S3Flags::connect() const {
    objectstore::S3Endpoint parsed;
    try {
        parsed = objectstore::parse_endpoint(endpoint);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--s3-endpoint: ") + e.what());
    }
    parsed.region = region;
    parsed.virtual_host = virtual_host;
    auto credentials = credentials_file.empty()
                           ? objectstore::credentials_from_env(access_key_env, secret_key_env)
                           : objectstore::credentials_from_file(credentials_file, profile);
    objectstore::S3ClientOptions options;
    options.ca_file = ca_file;
    return std::make_unique<objectstore::S3Client>(parsed, std::move(credentials), options);
}

} // namespace liveml::cli
