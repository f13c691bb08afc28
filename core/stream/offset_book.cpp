#include "stream/offset_book.hpp"

#include <charconv>

namespace liveml::stream {
namespace {

constexpr std::string_view kMetadataPrefix = "offset:";

// "<topic>:<partition>" with our topic → partition; -1 for anything else.
int partition_of(std::string_view field, std::string_view topic) {
    if (field.size() <= topic.size() + 1 || field.substr(0, topic.size()) != topic ||
        field[topic.size()] != ':')
        return -1;
    int partition = -1;
    const char* first = field.data() + topic.size() + 1;
    const char* last = field.data() + field.size();
    if (std::from_chars(first, last, partition).ptr != last || partition < 0) return -1;
    return partition;
}

} // namespace

std::int64_t OffsetBook::next(int partition) const noexcept {
    return partition >= 0 && static_cast<std::size_t>(partition) < next_.size()
               ? next_[static_cast<std::size_t>(partition)]
               : -1;
}

void OffsetBook::set_next(int partition, std::int64_t offset) {
    if (next_.size() <= static_cast<std::size_t>(partition))
        next_.resize(static_cast<std::size_t>(partition) + 1, -1);
    next_[static_cast<std::size_t>(partition)] = offset;
}

bool OffsetBook::empty() const noexcept {
    for (const auto offset : next_)
        if (offset >= 0) return false;
    return true;
}

store::OffsetMap OffsetBook::to_map() const {
    store::OffsetMap map;
    for (std::size_t p = 0; p < next_.size(); ++p)
        if (next_[p] >= 0)
            map[store::offset_field(topic_, static_cast<std::int32_t>(p))] = next_[p];
    return map;
}

OffsetBook OffsetBook::from_map(std::string topic, const store::OffsetMap& map) {
    OffsetBook book(std::move(topic));
    for (const auto& [field, offset] : map)
        if (const int partition = partition_of(field, book.topic_); partition >= 0 && offset >= 0)
            book.set_next(partition, offset);
    return book;
}

void OffsetBook::write_metadata(std::map<std::string, std::string>& metadata) const {
    for (const auto& [field, offset] : to_map())
        metadata[std::string(kMetadataPrefix) + field] = std::to_string(offset);
}

OffsetBook OffsetBook::from_metadata(std::string topic,
                                     const std::map<std::string, std::string>& metadata) {
    store::OffsetMap map;
    for (const auto& [key, value] : metadata) {
        if (key.compare(0, kMetadataPrefix.size(), kMetadataPrefix) != 0) continue;
        std::int64_t offset = -1;
        if (std::from_chars(value.data(), value.data() + value.size(), offset).ptr !=
            value.data() + value.size())
            continue;
        map[key.substr(kMetadataPrefix.size())] = offset;
    }
    return from_map(std::move(topic), map);
}

rd_kafka_topic_partition_list_t* OffsetBook::to_partition_list() const {
    auto* list = rd_kafka_topic_partition_list_new(static_cast<int>(next_.size()));
    for (std::size_t p = 0; p < next_.size(); ++p)
        if (next_[p] >= 0)
            rd_kafka_topic_partition_list_add(list, topic_.c_str(), static_cast<std::int32_t>(p))
                ->offset = next_[p];
    return list;
}

} // namespace liveml::stream
