#pragma once
#include <filesystem>
#include <string>

namespace liveml::stream {

// Where one single-node KRaft broker lives: its storage, its two loopback listeners.
struct KraftLayout {
    std::filesystem::path log_dir;
    int broker_port = 0;     // clients: PLAINTEXT://127.0.0.1:broker_port
    int controller_port = 0; // the KRaft controller quorum (only itself)
    int partitions = 4;      // for topics created without a partition count
};

// server.properties for broker and controller in one process, with replication factors of 1
// (a single node cannot hold more), retention suited to a desktop, and group joins without the
// initial rebalance delay (a restarted trainer should not wait for one).
std::string kraft_server_properties(const KraftLayout& layout);

// log4j.properties: warnings, plus the server's start-up and shutdown stages, to stdout.
std::string kraft_log4j_properties();

// A new cluster id as Kafka writes one (16 random bytes, base64url without padding), never
// starting with '-'.
std::string new_cluster_id();

} // namespace liveml::stream
