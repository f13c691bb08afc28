// Bucket notifications: what we write reads back the same, the shapes MinIO, AWS and Ceph send
// are read, and every malformed one is refused with a reason (never a crash).
#include <gtest/gtest.h>

#include "objectstore/bucket_event.hpp"

namespace liveml::objectstore {
namespace {

std::vector<BucketEvent> events_of(std::string_view value) {
    auto read = read_bucket_events(value);
    if (auto* reason = std::get_if<std::string>(&read)) ADD_FAILURE() << *reason;
    auto* events = std::get_if<std::vector<BucketEvent>>(&read);
    return events ? *events : std::vector<BucketEvent>{};
}

std::string reason_of(std::string_view value) {
    const auto read = read_bucket_events(value);
    const auto* reason = std::get_if<std::string>(&read);
    return reason ? *reason : "(accepted)";
}

TEST(BucketEvent, MinioEventRoundTripsWithAwkwardKeys) {
    for (const std::string key : {"plain.png", "photos/2024 summer/été + hiver.jpg",
                                  "100%/a&b=c?.jpeg", "../dots/./x.png"}) {
        const BucketEvent created{BucketEventKind::Created,
                                  "s3:ObjectCreated:Put",
                                  "images",
                                  key,
                                  200436,
                                  "d65b3d3ff8d5e2c5f2b5ea4c3e5e7a34",
                                  "15C32494525B4B3C",
                                  "2019-09-10T17:41:54Z"};
        const auto message = write_minio_event(created);
        EXPECT_EQ(message.key, "images/" + key);
        ASSERT_EQ(events_of(message.value), std::vector<BucketEvent>{created}) << key;
        // The record's key is URL-encoded: no raw space or slash inside it.
        if (key != "plain.png") {
            EXPECT_EQ(message.value.find("\"key\":\"" + key + "\""), std::string::npos);
        }
    }
    const BucketEvent removed{
        BucketEventKind::Removed, "s3:ObjectRemoved:Delete", "images", "a b.png", 0, "",
        "15C3249452A0D1E2",       "2019-09-10T17:42:00Z"};
    EXPECT_EQ(events_of(write_minio_event(removed).value), std::vector<BucketEvent>{removed});
}

// MinIO's documented example notification (a PUT of images/myphoto.jpg), key URL-encoded.
TEST(BucketEvent, ReadsMinioDocumentationShape) {
    const auto events = events_of(
        R"({"EventName":"s3:ObjectCreated:Put","Key":"images/my photo.jpg","Records":[{"eventVersion":"2.0","eventSource":"minio:s3","awsRegion":"","eventTime":"2019-09-10T17:41:54Z","eventName":"s3:ObjectCreated:Put","userIdentity":{"principalId":"minio"},"requestParameters":{"accessKey":"minio","region":"","sourceIPAddress":"172.17.0.1"},"responseElements":{"content-length":"0","x-amz-request-id":"15C3249451E12784","x-minio-deployment-id":"751a8ba6-acb2-42f6-a297-4cdf1cf1fa4f","x-minio-origin-endpoint":"http://172.17.0.2:9000"},"s3":{"s3SchemaVersion":"1.0","configurationId":"Config","bucket":{"name":"images","ownerIdentity":{"principalId":"minio"},"arn":"arn:aws:s3:::images"},"object":{"key":"my+photo.jpg","size":200436,"eTag":"d65b3d3ff8d5e2c5f2b5ea4c3e5e7a34","contentType":"image/jpeg","userMetadata":{"content-type":"image/jpeg"},"sequencer":"15C32494525B4B3C"}},"source":{"host":"172.17.0.1","port":"","userAgent":"MinIO (linux; amd64) minio-go/v6.0.32"}}]})");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, BucketEventKind::Created);
    EXPECT_EQ(events[0].bucket, "images");
    EXPECT_EQ(events[0].key, "my photo.jpg");
    EXPECT_EQ(events[0].size, 200436u);
    EXPECT_EQ(events[0].etag, "d65b3d3ff8d5e2c5f2b5ea4c3e5e7a34");
}

// AWS's event message structure: no "s3:" prefix, several records in one message.
TEST(BucketEvent, ReadsAwsShapeWithSeveralRecords) {
    const auto events = events_of(
        R"({"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-west-2","eventTime":"1970-01-01T00:00:00.000Z","eventName":"ObjectCreated:CompleteMultipartUpload","s3":{"s3SchemaVersion":"1.0","configurationId":"testRule","bucket":{"name":"mybucket","arn":"arn:aws:s3:::mybucket"},"object":{"key":"Happy%20Face.jpg","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e","versionId":"096fKKXTRTtl3on89fVO.nfljtsv6qko","sequencer":"0055AED6DCD90281E5"}}},{"eventName":"ObjectRemoved:DeleteMarkerCreated","eventSource":"aws:s3","s3":{"bucket":{"name":"mybucket"},"object":{"key":"old.png","sequencer":"0055AED6DCD90281E6"}}}]})");
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].key, "Happy Face.jpg");
    EXPECT_EQ(events[0].kind, BucketEventKind::Created);
    EXPECT_EQ(events[1].kind, BucketEventKind::Removed);
    EXPECT_EQ(events[1].key, "old.png");
}

// Ceph RGW writes the size as a string.
TEST(BucketEvent, ReadsCephSizeAsString) {
    const auto events = events_of(
        R"({"Records":[{"eventVersion":"2.2","eventSource":"ceph:s3","eventName":"ObjectCreated:Copy","s3":{"bucket":{"name":"b","id":"x"},"object":{"key":"k.png","size":"512","eTag":"abc","versionId":"","sequencer":"F7E6D75F","metadata":[],"tags":[]}}}]})");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].size, 512u);
}

TEST(BucketEvent, MalformedNotificationsAreRefusedWithAReason) {
    const std::string record_head = R"({"Records":[{"eventName":"s3:ObjectCreated:Put","s3":)";
    EXPECT_EQ(reason_of("{not json"), "not JSON");
    EXPECT_EQ(reason_of("[1,2]"), "not a JSON object");
    EXPECT_EQ(reason_of(R"({"Records":[]})"), "no Records");
    EXPECT_EQ(reason_of(R"({"Records":[{"eventName":"s3:ObjectAccessed:Get","s3":{}}]})"),
              "unsupported event s3:ObjectAccessed:Get");
    EXPECT_EQ(reason_of(R"({"Records":[{"s3":{}}]})"), "a record has no eventName");
    EXPECT_EQ(reason_of(record_head + R"("x"}]})"), "a record has no s3 object");
    EXPECT_EQ(reason_of(record_head + R"({"bucket":{"name":""},"object":{"key":"k"}}}]})"),
              "a record has no bucket name");
    EXPECT_EQ(reason_of(record_head + R"({"bucket":{"name":"b"},"object":{"key":""}}}]})"),
              "a record has no object key");
    EXPECT_EQ(reason_of(record_head + R"({"bucket":{"name":"b"},"object":{"key":"a%2"}}}]})"),
              "object key 'a%2' is not URL-encoded");
    EXPECT_EQ(
        reason_of(record_head + R"({"bucket":{"name":"b"},"object":{"key":"k","size":-4}}}]})"),
        "object size -4 is not a count of bytes");
    EXPECT_EQ(
        reason_of(record_head + R"({"bucket":{"name":"b"},"object":{"key":"k","size":"12kb"}}}]})"),
        "object size \"12kb\" is not a count of bytes");
    EXPECT_EQ(reason_of(record_head +
                        R"({"bucket":{"name":"b"},"object":{"key":"k","sequencer":"XYZ"}}}]})"),
              "sequencer 'XYZ' is not hexadecimal");
    EXPECT_EQ(reason_of(record_head + R"({"bucket":{"name":7},"object":{"key":"k"}}}]})"),
              "s3.bucket.name is not a string");
}

TEST(BucketEvent, SequencersCompareAsHexNumbers) {
    EXPECT_TRUE(sequencer_newer("15C32494525B4B3D", "15C32494525B4B3C"));
    EXPECT_FALSE(sequencer_newer("15C32494525B4B3C", "15C32494525B4B3C"));
    EXPECT_TRUE(sequencer_newer("0100", "FF")); // shorter is padded with zeros
    EXPECT_TRUE(sequencer_newer("0a", "09"));   // case does not matter
    EXPECT_FALSE(sequencer_newer("", "01"));
    EXPECT_TRUE(sequencer_newer("01", ""));
}

TEST(BucketEvent, FormDecodingRefusesBrokenEscapes) {
    std::string out;
    EXPECT_TRUE(url_form_decode("a+b%2Fc%C3%A9", out));
    EXPECT_EQ(out, "a b/cé");
    EXPECT_FALSE(url_form_decode("abc%", out));
    EXPECT_FALSE(url_form_decode("abc%4", out));
    EXPECT_FALSE(url_form_decode("abc%zz", out));
}

} // namespace
} // namespace liveml::objectstore
