#pragma once
// Where an S3 key pair comes from: environment variables or a credentials file, never the
// command line (other users see argv) and never a log line.
#include <filesystem>
#include <string>
#include <string_view>

namespace liveml::objectstore {

struct S3Credentials {
    std::string access_key;
    std::string secret_key;
    std::string session_token; // temporary credentials only; sent as x-amz-security-token
};

// From the variables named access_var and secret_var (and AWS_SESSION_TOKEN when set). Throws
// std::runtime_error naming the variable (never its value) when one is unset or empty.
S3Credentials credentials_from_env(std::string_view access_var, std::string_view secret_var);

// From an AWS-style credentials file (~/.aws/credentials): INI sections, keys
// aws_access_key_id, aws_secret_access_key and optionally aws_session_token, in [profile].
// Throws std::runtime_error naming the file and what is missing.
S3Credentials credentials_from_file(const std::filesystem::path& file,
                                    std::string_view profile = "default");

} // namespace liveml::objectstore
