// The trainer's positions: the same book through Redis fields, model metadata and the
// partition list of a transaction, and nothing of other topics picked up on the way.
#include <gtest/gtest.h>

#include "stream/offset_book.hpp"

using liveml::stream::OffsetBook;

TEST(OffsetBook, UnknownPartitionsHaveNoPosition) {
    OffsetBook book("src");
    EXPECT_TRUE(book.empty());
    EXPECT_EQ(book.next(0), -1);
    book.set_next(3, 42);
    EXPECT_FALSE(book.empty());
    EXPECT_EQ(book.next(3), 42);
    EXPECT_EQ(book.next(1), -1);
    EXPECT_EQ(book.next(-1), -1);
}

TEST(OffsetBook, RoundTripsThroughRedisFieldsAndModelMetadata) {
    OffsetBook book("handwritten_digit");
    book.set_next(0, 7);
    book.set_next(2, 1234567890123);
    const auto map = book.to_map();
    EXPECT_EQ(map.size(), 2u);
    EXPECT_EQ(map.at("handwritten_digit:2"), 1234567890123);

    const auto from_map = OffsetBook::from_map("handwritten_digit", map);
    EXPECT_EQ(from_map.next(0), 7);
    EXPECT_EQ(from_map.next(1), -1);
    EXPECT_EQ(from_map.next(2), 1234567890123);

    std::map<std::string, std::string> metadata{{"source", "liveml train"}};
    book.write_metadata(metadata);
    EXPECT_EQ(metadata.at("offset:handwritten_digit:0"), "7");
    const auto from_metadata = OffsetBook::from_metadata("handwritten_digit", metadata);
    EXPECT_EQ(from_metadata.to_map(), map);
}

TEST(OffsetBook, IgnoresOtherTopicsAndMalformedFields) {
    const liveml::store::OffsetMap map{{"src:1", 5},  {"src2:0", 9}, {"other:0", 3}, {"src:x", 4},
                                       {"src:-1", 2}, {"src:", 1},   {"src:2", -5}};
    const auto book = OffsetBook::from_map("src", map);
    EXPECT_EQ(book.to_map(), (liveml::store::OffsetMap{{"src:1", 5}}));
    const std::map<std::string, std::string> metadata{
        {"offset:src:0", "12"}, {"offset:src:1", "12x"}, {"src:2", "3"}, {"offset:other:0", "1"}};
    EXPECT_EQ(OffsetBook::from_metadata("src", metadata).to_map(),
              (liveml::store::OffsetMap{{"src:0", 12}}));
}

TEST(OffsetBook, PartitionListHoldsEveryKnownPosition) {
    OffsetBook book("src");
    book.set_next(1, 10);
    book.set_next(4, 40);
    auto* list = book.to_partition_list();
    ASSERT_EQ(list->cnt, 2);
    EXPECT_STREQ(list->elems[0].topic, "src");
    EXPECT_EQ(list->elems[0].partition, 1);
    EXPECT_EQ(list->elems[0].offset, 10);
    EXPECT_EQ(list->elems[1].partition, 4);
    EXPECT_EQ(list->elems[1].offset, 40);
    rd_kafka_topic_partition_list_destroy(list);
}
