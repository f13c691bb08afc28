#include "objectstore/s3proxy_server.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "common/free_port.hpp"
#include "common/maven_jars.hpp"
#include "objectstore/s3_client.hpp"

namespace liveml::objectstore {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxPortAttempts = 4; // a port we picked can be taken before the JVM binds it
constexpr std::size_t kLogTailBytes = 4000;
// Guards only a throw-away test certificate's key, which never leaves data_dir.
constexpr const char* kKeystorePassword = "liveml-s3proxy";

void write_private(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::trunc).close();
    ::chmod(path.c_str(), S_IRUSR | S_IWUSR); // before the secret goes in
    std::ofstream out(path, std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

} // namespace

std::optional<S3ProxyInstall> find_s3proxy_install(std::string& why) {
    S3ProxyInstall install;
    install.java = find_java();
    if (install.java.empty()) {
        why = "no Java runtime (java) found: install openjdk-17-jre-headless "
              "(scripts/install-deps.sh does)";
        return std::nullopt;
    }
    const char* override_libs = std::getenv("LIVEML_S3PROXY_LIBS");
    install.libs = override_libs && *override_libs
                       ? fs::path(override_libs)
                       : cached_jars_dir("s3proxy-" + std::string(kS3ProxyVersion));
    if (install.libs.empty() ||
        !jars_complete(install.libs, "s3proxy-" + std::string(kS3ProxyVersion) + ".jar")) {
        why = "the S3Proxy " + std::string(kS3ProxyVersion) + " jars are not in " +
              (install.libs.empty() ? std::string("~/.cache/liveml") : install.libs.string()) +
              ": run scripts/install-s3proxy.sh (it needs Maven and Maven Central) or set "
              "LIVEML_S3PROXY_LIBS to a folder holding them";
        return std::nullopt;
    }
    return install;
}

S3ProxyServer::S3ProxyServer(const S3ProxyInstall& install, S3ProxyOptions options)
    : options_(std::move(options)) {
    fs::create_directories(options_.data_dir / "blobs");
    if (options_.tls) make_certificate(install);
    for (int attempt = 1;; ++attempt) {
        port_ = pick_free_port();
        try {
            launch(install);
            return;
        } catch (const std::runtime_error&) {
            if (attempt >= kMaxPortAttempts ||
                file_tail(log_file(), kLogTailBytes).find("Address already in use") ==
                    std::string::npos)
                throw;
        }
    }
}

S3ProxyServer::~S3ProxyServer() {
    stop();
}

// keytool beside java (the JDK's and Debian's JRE layout), else on PATH.
void S3ProxyServer::make_certificate(const S3ProxyInstall& install) {
    auto keytool = (fs::path(install.java).parent_path() / "keytool").string();
    if (!fs::exists(keytool)) keytool = find_on_path("keytool");
    if (keytool.empty())
        throw std::runtime_error("keytool (openjdk-17-jre-headless) is needed for a TLS S3Proxy");
    const auto run = [&](std::vector<std::string> argv) {
        ChildProcess tool(argv, options_.data_dir / "keytool.log");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (tool.running() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        tool.stop(std::chrono::milliseconds(1000));
        if (tool.exit_status() != 0)
            throw std::runtime_error("keytool failed: " +
                                     file_tail(options_.data_dir / "keytool.log", kLogTailBytes));
    };
    const auto keystore = (options_.data_dir / "keystore.jks").string();
    fs::remove(keystore);
    run({keytool,      "-genkeypair",
         "-alias",     "s3proxy",
         "-keyalg",    "RSA",
         "-keysize",   "2048",
         "-keystore",  keystore,
         "-storepass", kKeystorePassword,
         "-keypass",   kKeystorePassword,
         "-dname",     "CN=localhost",
         "-ext",       "SAN=ip:127.0.0.1,dns:localhost",
         "-validity",  "30"});
    run({keytool, "-exportcert", "-rfc", "-alias", "s3proxy", "-keystore", keystore, "-storepass",
         kKeystorePassword, "-file", ca_file().string()});
}

std::string S3ProxyServer::endpoint() const {
    return std::string(options_.tls ? "https" : "http") + "://" +
           (options_.virtual_host.empty() ? "127.0.0.1" : options_.virtual_host) + ":" +
           std::to_string(port_);
}

void S3ProxyServer::stop() {
    if (process_) process_->stop(options_.stop_timeout);
    process_.reset();
}

void S3ProxyServer::launch(const S3ProxyInstall& install) {
    const auto properties = options_.data_dir / "s3proxy.properties";
    const auto address = "127.0.0.1:" + std::to_string(port_);
    std::string text = "s3proxy.authorization=aws-v2-or-v4\n";
    if (options_.tls)
        text += "s3proxy.secure-endpoint=https://" + address +
                "\ns3proxy.keystore-path=" + (options_.data_dir / "keystore.jks").string() +
                "\ns3proxy.keystore-password=" + kKeystorePassword + "\n";
    else
        text += "s3proxy.endpoint=http://" + address + "\n";
    text += "s3proxy.identity=" + options_.credentials.access_key + "\n" +
            "s3proxy.credential=" + options_.credentials.secret_key + "\n" +
            "jclouds.provider=filesystem\n" +
            "jclouds.filesystem.basedir=" + (options_.data_dir / "blobs").string() + "\n";
    if (!options_.virtual_host.empty())
        text += "s3proxy.virtual-host=" + options_.virtual_host + "\n";
    write_private(properties, text);
    // Without a configuration logback logs every Jetty detail at DEBUG.
    const auto logback = options_.data_dir / "logback.xml";
    std::ofstream(logback, std::ios::trunc)
        << "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
           "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>"
           "</appender><root level=\"INFO\"><appender-ref ref=\"out\"/></root></configuration>\n";
    std::filesystem::remove(log_file());
    process_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{
            install.java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dlogback.configurationFile=" + logback.string(), "-cp", (install.libs / "*").string(),
            "org.gaul.s3proxy.Main", "--properties", properties.string()},
        log_file());

    // Any HTTP answer (404 for the probe, 403 for a clock skew) means it is serving.
    S3Endpoint endpoint = parse_endpoint(this->endpoint());
    S3Client probe(endpoint, options_.credentials,
                   {200, 1000, options_.tls ? ca_file().string() : std::string()});
    const auto deadline = std::chrono::steady_clock::now() + options_.start_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!process_->running()) {
            process_.reset();
            throw std::runtime_error(
                "S3Proxy exited while starting on 127.0.0.1:" + std::to_string(port_) +
                "; its log ends with:\n" + file_tail(log_file(), kLogTailBytes));
        }
        try {
            probe.head_object("liveml-probe", "probe");
            return;
        } catch (const S3Error& e) {
            if (e.status() != 0) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    stop();
    throw std::runtime_error("S3Proxy did not answer on 127.0.0.1:" + std::to_string(port_) +
                             " within " + std::to_string(options_.start_timeout.count()) +
                             " ms; its log ends with:\n" + file_tail(log_file(), kLogTailBytes));
}

} // namespace liveml::objectstore
