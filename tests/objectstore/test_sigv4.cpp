// SigV4 against AWS's published examples: the Signature Version 4 test suite's get-vanilla
// cases and the worked examples of the S3 API reference ("Examples: Signature Calculations in
// AWS Signature Version 4"). Each checks the canonical request, the string to sign, the
// signature; a single wrong byte anywhere changes all three.
#include <gtest/gtest.h>

#include "objectstore/sigv4.hpp"

namespace liveml::objectstore {
namespace {

constexpr const char* kEmptyHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr const char* kS3Access = "AKIAIOSFODNN7EXAMPLE";
constexpr const char* kS3Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const SigV4Scope kS3Scope{"20130524T000000Z", "us-east-1", "s3"};

SigV4Signature suite(std::vector<std::pair<std::string, std::string>> query) {
    SigV4Request request{"GET",
                         "/",
                         std::move(query),
                         {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}},
                         kEmptyHash};
    return sigv4_sign(request, {"20150830T123600Z", "us-east-1", "service"}, "AKIDEXAMPLE",
                      "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
}

TEST(SigV4, GetVanillaFromTheTestSuite) {
    const auto s = suite({});
    EXPECT_EQ(s.canonical_request, "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:"
                                   "20150830T123600Z\n\nhost;x-amz-date\n" +
                                       std::string(kEmptyHash));
    EXPECT_EQ(s.signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    EXPECT_EQ(s.authorization,
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
              "SignedHeaders=host;x-amz-date, "
              "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(SigV4, QueryParametersAreSortedByName) {
    const auto s = suite({{"Param2", "value2"}, {"Param1", "value1"}});
    EXPECT_NE(s.canonical_request.find("\nParam1=value1&Param2=value2\n"), std::string::npos);
    EXPECT_EQ(s.signature, "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
}

TEST(SigV4, S3GetObjectExample) {
    SigV4Request request{"GET",
                         "/test.txt",
                         {},
                         {{"Host", "examplebucket.s3.amazonaws.com"},
                          {"Range", "bytes=0-9"},
                          {"x-amz-content-sha256", kEmptyHash},
                          {"x-amz-date", "20130524T000000Z"}},
                         kEmptyHash};
    const auto s = sigv4_sign(request, kS3Scope, kS3Access, kS3Secret);
    EXPECT_EQ(s.string_to_sign, "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/"
                                "aws4_request\n"
                                "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    EXPECT_EQ(s.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4, S3PutObjectExampleEncodesTheKey) {
    const std::string body = "Welcome to Amazon S3.";
    SigV4Request request{"PUT",
                         "/test$file.text",
                         {},
                         {{"Host", "examplebucket.s3.amazonaws.com"},
                          {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                          {"x-amz-date", "20130524T000000Z"},
                          {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
                          {"x-amz-content-sha256", sha256_hex(body)}},
                         sha256_hex(body)};
    EXPECT_EQ(request.payload_hash,
              "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const auto s = sigv4_sign(request, kS3Scope, kS3Access, kS3Secret);
    EXPECT_NE(s.canonical_request.find("\n/test%24file.text\n"), std::string::npos);
    EXPECT_EQ(s.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST(SigV4, S3ListObjectsExample) {
    SigV4Request request{"GET",
                         "/",
                         {{"max-keys", "2"}, {"prefix", "J"}},
                         {{"Host", "examplebucket.s3.amazonaws.com"},
                          {"x-amz-content-sha256", kEmptyHash},
                          {"x-amz-date", "20130524T000000Z"}},
                         kEmptyHash};
    const auto s = sigv4_sign(request, kS3Scope, kS3Access, kS3Secret);
    EXPECT_EQ(s.signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

TEST(SigV4, UriEncodingKeepsOnlyUnreservedCharacters) {
    EXPECT_EQ(uri_encode("a b+c/d~e_f.g-h", false), "a%20b%2Bc%2Fd~e_f.g-h");
    EXPECT_EQ(uri_encode("photos/2024 summer/é.jpg", true), "photos/2024%20summer/%C3%A9.jpg");
}

} // namespace
} // namespace liveml::objectstore
