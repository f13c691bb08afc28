#include "objectstore/s3_credentials.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace liveml::objectstore {
namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

std::string env(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    return value ? value : "";
}

} // namespace

S3Credentials credentials_from_env(std::string_view access_var, std::string_view secret_var) {
    S3Credentials credentials{env(access_var), env(secret_var), env("AWS_SESSION_TOKEN")};
    for (const auto& [var, value] : {std::pair{access_var, &credentials.access_key},
                                     std::pair{secret_var, &credentials.secret_key}})
        if (value->empty())
            throw std::runtime_error("environment variable " + std::string(var) +
                                     " (S3 credentials) is not set");
    return credentials;
}

S3Credentials credentials_from_file(const std::filesystem::path& file, std::string_view profile) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the credentials file");
    S3Credentials credentials;
    bool in_profile = false;
    for (std::string raw; std::getline(in, raw);) {
        const auto line = trim(raw);
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        if (line.front() == '[' && line.back() == ']') {
            in_profile = trim(line.substr(1, line.size() - 2)) == profile;
            continue;
        }
        const auto equals = line.find('=');
        if (!in_profile || equals == std::string_view::npos) continue;
        const auto key = trim(line.substr(0, equals));
        const auto value = std::string(trim(line.substr(equals + 1)));
        if (key == "aws_access_key_id") credentials.access_key = value;
        if (key == "aws_secret_access_key") credentials.secret_key = value;
        if (key == "aws_session_token") credentials.session_token = value;
    }
    if (credentials.access_key.empty() || credentials.secret_key.empty())
        throw std::runtime_error(file.string() + ": profile [" + std::string(profile) +
                                 "] has no aws_access_key_id and aws_secret_access_key");
    return credentials;
}

} // namespace liveml::objectstore
