// The S3 client against a real S3 server (S3Proxy, filesystem backend): every call, keys that
// need encoding, paging, both addressing styles, and the errors a caller must tell apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "objectstore/bucket_poller.hpp"
#include "objectstore/s3_client.hpp"
#include "s3_test_server.hpp"
#include "temp_dir.hpp"

namespace liveml::objectstore {
namespace {

using testing::s3proxy_client;
using testing::s3proxy_credentials;
using testing::shared_s3proxy;

TEST(S3Client, PutGetHeadDeleteWithKeysThatNeedEncoding) {
    auto s3 = s3proxy_client();
    s3.create_bucket("objects");
    s3.create_bucket("objects"); // ours already: fine
    for (const std::string key : {"plain.txt", "dir/sub dir/été+hiver.bin", "odd&=?#%key.txt"}) {
        const std::string bytes = "bytes of " + key + std::string("\0\xff", 2);
        const auto etag = s3.put_object("objects", key, bytes, "application/x-test");
        EXPECT_EQ(etag.size(), 32u) << key; // MD5 of a single-part upload
        const auto object = s3.get_object("objects", key);
        EXPECT_EQ(object.bytes, bytes) << key;
        EXPECT_EQ(object.etag, etag);
        EXPECT_EQ(object.content_type, "application/x-test");
        const auto head = s3.head_object("objects", key);
        ASSERT_TRUE(head.has_value());
        EXPECT_EQ(head->size, bytes.size());
        EXPECT_EQ(head->etag, etag);
        s3.delete_object("objects", key);
        EXPECT_FALSE(s3.head_object("objects", key).has_value());
    }
    s3.delete_object("objects", "never-there"); // S3: deleting nothing succeeds
}

TEST(S3Client, MissingObjectsAndBucketsAreNotFound) {
    auto s3 = s3proxy_client();
    s3.create_bucket("sparse");
    try {
        s3.get_object("sparse", "missing.png");
        FAIL() << "a missing object was returned";
    } catch (const S3Error& e) {
        EXPECT_TRUE(e.not_found());
        EXPECT_EQ(e.code(), "NoSuchKey");
        EXPECT_NE(std::string(e.what()).find("s3://sparse/missing.png"), std::string::npos);
    }
    EXPECT_THROW(s3.list_objects_v2("no-such-bucket"), S3Error);
}

TEST(S3Client, AnObjectOverTheLimitIsRefusedBeforeItIsRead) {
    auto s3 = s3proxy_client();
    s3.create_bucket("limits");
    s3.put_object("limits", "big.bin", std::string(100000, 'x'));
    try {
        s3.get_object("limits", "big.bin", 1000);
        FAIL() << "no limit";
    } catch (const S3Error& e) {
        EXPECT_EQ(e.status(), 413);
        EXPECT_EQ(e.code(), "TooLarge");
    }
    EXPECT_EQ(s3.get_object("limits", "big.bin", 100000).bytes.size(), 100000u);
}

TEST(S3Client, ListingPagesThroughEveryKeyInOrder) {
    auto s3 = s3proxy_client();
    s3.create_bucket("listing");
    std::set<std::string> keys;
    for (int i = 0; i < 7; ++i) {
        const auto key = "p/item " + std::to_string(i) + "&.txt";
        s3.put_object("listing", key, std::string(static_cast<std::size_t>(i), 'a'));
        keys.insert(key);
    }
    s3.put_object("listing", "other/x.txt", "x");
    std::vector<std::string> seen;
    std::string token;
    int pages = 0;
    do {
        const auto page = s3.list_objects_v2("listing", "p/", token, 3);
        for (const auto& entry : page.objects) {
            seen.push_back(entry.key);
            EXPECT_EQ(entry.size, static_cast<std::uint64_t>(entry.key[7] - '0'));
            EXPECT_EQ(entry.etag.size(), 32u);
        }
        token = page.truncated ? page.next_continuation_token : "";
        ++pages;
    } while (!token.empty() && pages < 10);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen, std::vector<std::string>(keys.begin(), keys.end()));
}

TEST(S3Client, VirtualHostStyleAddressesTheBucketByHostName) {
    // The shared server answers as "localhost"; libcurl resolves *.localhost to the loopback
    // itself, so vhost.localhost reaches it with no DNS.
    auto endpoint = parse_endpoint(shared_s3proxy().endpoint());
    endpoint.virtual_host = true;
    S3Client s3(endpoint, s3proxy_credentials());
    s3.create_bucket("vhost");
    s3.put_object("vhost", "a/b c.txt", "virtual");
    EXPECT_EQ(s3.get_object("vhost", "a/b c.txt").bytes, "virtual");
    // The same object through path style: one bucket, two ways to name it.
    EXPECT_EQ(s3proxy_client().get_object("vhost", "a/b c.txt").bytes, "virtual");
}

TEST(S3Client, AWrongSecretIsRefusedAndNeverEchoed) {
    S3Client s3(parse_endpoint(shared_s3proxy().endpoint()),
                {s3proxy_credentials().access_key, "not-the-secret", ""});
    try {
        s3.list_objects_v2("listing");
        FAIL() << "a wrong secret was accepted";
    } catch (const S3Error& e) {
        EXPECT_EQ(e.status(), 403);
        EXPECT_EQ(std::string(e.what()).find("not-the-secret"), std::string::npos);
    }
}

TEST(S3Client, AServerThatIsNotThereIsStatusZero) {
    S3Client s3(parse_endpoint("http://127.0.0.1:1"), s3proxy_credentials(), {500, 1000});
    try {
        s3.head_object("b", "k");
        FAIL();
    } catch (const S3Error& e) {
        EXPECT_EQ(e.status(), 0);
    }
}

TEST(BucketPoller, TurnsListingDifferencesIntoEvents) {
    auto s3 = s3proxy_client();
    s3.create_bucket("polled");
    s3.put_object("polled", "keep.png", "same");
    s3.put_object("polled", "change.png", "v1");
    s3.put_object("polled", "drop.png", "x");
    s3.put_object("polled", "other/ignored.png", "x");
    BucketPoller poller(s3, "polled", "");
    auto first = poller.poll();
    ASSERT_EQ(first.size(), 4u); // everything, as created
    EXPECT_TRUE(std::ranges::all_of(first, [](const BucketEvent& e) {
        return e.kind == BucketEventKind::Created && e.event_name == "s3:ObjectCreated:Put" &&
               e.bucket == "polled" && !e.etag.empty();
    }));
    EXPECT_TRUE(poller.poll().empty()); // nothing changed

    s3.put_object("polled", "change.png", "v2");
    s3.delete_object("polled", "drop.png");
    s3.put_object("polled", "new file.png", "n");
    const auto second = poller.poll();
    ASSERT_EQ(second.size(), 3u);
    std::map<std::string, BucketEventKind> kinds;
    for (const auto& e : second) {
        kinds[e.key] = e.kind;
        for (const auto& before : first)
            EXPECT_TRUE(sequencer_newer(e.sequencer, before.sequencer));
    }
    EXPECT_EQ(kinds,
              (std::map<std::string, BucketEventKind>{{"change.png", BucketEventKind::Created},
                                                      {"drop.png", BucketEventKind::Removed},
                                                      {"new file.png", BucketEventKind::Created}}));
    EXPECT_EQ(poller.known_objects(), 4u);

    BucketPoller prefixed(s3, "polled", "other/");
    EXPECT_EQ(prefixed.poll().size(), 1u);
}

// https: a server of its own (S3Proxy with a self-signed certificate), trusted through
// ca_file; without it, the certificate is refused.
TEST(S3Client, HttpsEndpointsVerifyTheServerCertificate) {
    std::string why;
    const auto install = find_s3proxy_install(why);
    ASSERT_TRUE(install.has_value()) << why;
    liveml::testing::TempDir dir("s3proxy-tls");
    S3ProxyOptions options{dir.path(), s3proxy_credentials(), ""};
    options.tls = true;
    S3ProxyServer server(*install, options);
    ASSERT_TRUE(server.endpoint().starts_with("https://"));
    S3Client s3(parse_endpoint(server.endpoint()), s3proxy_credentials(),
                {5000, 60000, server.ca_file().string()});
    s3.create_bucket("secure");
    s3.put_object("secure", "k.txt", "over TLS");
    EXPECT_EQ(s3.get_object("secure", "k.txt").bytes, "over TLS");
    S3Client untrusting(parse_endpoint(server.endpoint()), s3proxy_credentials());
    try {
        untrusting.head_object("secure", "k.txt");
        FAIL() << "an unknown certificate was accepted";
    } catch (const S3Error& e) {
        EXPECT_EQ(e.status(), 0);
        EXPECT_NE(std::string(e.what()).find("certificate"), std::string::npos) << e.what();
    }
}

TEST(S3Endpoint, ParsesSchemesHostsAndPorts) {
    const auto plain = parse_endpoint("http://127.0.0.1:9000/");
    EXPECT_EQ(plain.scheme, "http");
    EXPECT_EQ(plain.host, "127.0.0.1");
    EXPECT_EQ(plain.port, 9000);
    const auto tls = parse_endpoint("HTTPS://S3.eu-west-1.amazonaws.com");
    EXPECT_EQ(tls.scheme, "https");
    EXPECT_EQ(tls.host, "s3.eu-west-1.amazonaws.com");
    EXPECT_EQ(tls.port, 0);
    for (const char* bad : {"127.0.0.1:9000", "ftp://h", "http://", "http://h:0", "http://h:x",
                            "http://h/path", "http://user@h"})
        EXPECT_THROW(parse_endpoint(bad), std::invalid_argument) << bad;
}

TEST(S3Credentials, ComeFromNamedVariablesOrAFileProfile) {
    ::setenv("LIVEML_TEST_AK", "AK1", 1);
    ::setenv("LIVEML_TEST_SK", "SK1", 1);
    const auto from_env = credentials_from_env("LIVEML_TEST_AK", "LIVEML_TEST_SK");
    EXPECT_EQ(from_env.access_key, "AK1");
    EXPECT_EQ(from_env.secret_key, "SK1");
    ::unsetenv("LIVEML_TEST_SK");
    try {
        credentials_from_env("LIVEML_TEST_AK", "LIVEML_TEST_SK");
        FAIL();
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("LIVEML_TEST_SK"), std::string::npos);
    }
    liveml::testing::TempDir dir("creds");
    std::ofstream(dir / "credentials") << "[default]\naws_access_key_id = D1\n"
                                          "aws_secret_access_key = DS\n\n[ingest]\n"
                                          "aws_access_key_id=I1\naws_secret_access_key=IS\n";
    EXPECT_EQ(credentials_from_file(dir / "credentials").access_key, "D1");
    EXPECT_EQ(credentials_from_file(dir / "credentials", "ingest").secret_key, "IS");
    EXPECT_THROW(credentials_from_file(dir / "credentials", "nobody"), std::runtime_error);
    EXPECT_THROW(credentials_from_file(dir / "missing"), std::runtime_error);
}

TEST(S3Xml, ReadsErrorBodiesAndRefusesWhatIsNotAListing) {
    const auto error = parse_s3_error(
        "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The key &lt;k&gt; "
        "&amp; co&#233;</Message></Error>");
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->code, "NoSuchKey");
    EXPECT_EQ(error->message, "The key <k> & coé");
    EXPECT_FALSE(parse_s3_error("<html>502</html>").has_value());
    EXPECT_THROW(parse_list_objects_v2("<Error/>"), std::runtime_error);
    EXPECT_THROW(parse_list_objects_v2("<ListBucketResult><Contents><Key>a</Key><Size>x</Size>"
                                       "</Contents></ListBucketResult>"),
                 std::runtime_error);
    EXPECT_THROW(parse_list_objects_v2("<ListBucketResult><IsTruncated>true</IsTruncated>"
                                       "</ListBucketResult>"),
                 std::runtime_error);
    EXPECT_THROW(parse_list_objects_v2("<ListBucketResult><Contents><Key>a&bogus;</Key>"
                                       "</Contents></ListBucketResult>"),
                 std::runtime_error);
}

} // namespace
} // namespace liveml::objectstore
