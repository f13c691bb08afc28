#include "jobs/job_spec.hpp"

#include <gtest/gtest.h>

using namespace liveml::jobs;
using Args = std::vector<std::string>;

TEST(JobSpec, TrainWritesItsModelIntoTheRunFolderAndResumes) {
    JobSpec spec;
    spec.kind = JobKind::Train;
    spec.options["dataset"] = "digits";
    spec.options["epochs"] = 2;
    spec.options["lr"] = 0.002;
    spec.options["device"] = "cpu";
    EXPECT_EQ(job_arguments(spec, "/runs/r1"),
              (Args{"clip", "train", "--dataset", "digits", "--epochs", "2", "--lr", "0.002",
                    "--device", "cpu", "--out", "/runs/r1/model", "--json"}));
    const Args resumed = job_arguments(spec, "/runs/r1", true);
    EXPECT_EQ(resumed[resumed.size() - 2], "--resume");
}

TEST(JobSpec, ArraysRepeatExceptClassesAndFlagsAreBare) {
    JobSpec spec;
    spec.kind = JobKind::ZeroShot;
    spec.options["model"] = "/m";
    spec.options["images"] = {"a.png", "b.png"};
    spec.options["classes"] = {"cat", "dog", "bird"};
    spec.options["verbose"] = true;
    spec.options["quiet"] = false;
    EXPECT_EQ(job_arguments(spec, "/runs/z", true),
              (Args{"clip", "zeroshot", "--model", "/m", "--images", "a.png", "--images", "b.png",
                    "--classes", "cat,dog,bird", "--verbose", "--json"}));
}

TEST(JobSpec, IndexRerunsWithoutAResumeFlag) {
    JobSpec spec;
    spec.kind = JobKind::Index;
    spec.options["model"] = "/m";
    spec.options["dataset"] = "digits";
    EXPECT_EQ(job_arguments(spec, "/runs/i", true),
              (Args{"clip", "index", "--model", "/m", "--dataset", "digits", "--index",
                    "/runs/i/index", "--json"}));
    EXPECT_TRUE(is_resumable(JobKind::Index));
    EXPECT_FALSE(is_resumable(JobKind::Search));
    EXPECT_TRUE(output_path(JobKind::Search, "/runs/s").empty());
}

TEST(JobSpec, IngestWritesItsIndexAndAWatchedFoldersThumbnailsIntoTheRunFolder) {
    JobSpec spec;
    spec.kind = JobKind::Ingest;
    spec.options["model"] = "/m";
    spec.options["watch"] = "/photos";
    EXPECT_EQ(job_arguments(spec, "/runs/g", true),
              (Args{"clip", "ingest", "--model", "/m", "--watch", "/photos", "--index",
                    "/runs/g/index", "--out-dir", "/runs/g/thumbnails", "--json"}));
    EXPECT_TRUE(is_resumable(JobKind::Ingest));
    EXPECT_EQ(spec.data_source(), "/photos");
    // From bucket events the thumbnails go to the output bucket: no local folder.
    JobSpec bucket;
    bucket.kind = JobKind::Ingest;
    bucket.options["model"] = "/m";
    bucket.options["brokers"] = "127.0.0.1:9092";
    bucket.options["s3-endpoint"] = "http://127.0.0.1:9000";
    EXPECT_EQ(
        job_arguments(bucket, "/runs/b"),
        (Args{"clip", "ingest", "--model", "/m", "--brokers", "127.0.0.1:9092", "--s3-endpoint",
              "http://127.0.0.1:9000", "--index", "/runs/b/index", "--json"}));
}

TEST(JobSpec, FineTuneWritesItsAdapterAndTheMergedModelOrAFullModel) {
    JobSpec spec;
    spec.kind = JobKind::FineTune;
    spec.options["base"] = "/m";
    spec.options["dataset"] = "digits";
    spec.options["shots"] = 16;
    EXPECT_EQ(job_arguments(spec, "/runs/f", true),
              (Args{"clip", "finetune", "--base", "/m", "--dataset", "digits", "--shots", "16",
                    "--out", "/runs/f/adapter", "--merged-out", "/runs/f/model", "--resume",
                    "--json"}));
    EXPECT_TRUE(is_resumable(JobKind::FineTune));
    EXPECT_EQ(output_path(JobKind::FineTune, "/runs/f"), "/runs/f/model");
    spec.options["full"] = true;
    EXPECT_EQ(job_arguments(spec, "/runs/f"),
              (Args{"clip", "finetune", "--base", "/m", "--dataset", "digits", "--shots", "16",
                    "--full", "--out", "/runs/f/model", "--json"}));
}

TEST(JobSpec, JsonRoundTripKeepsKindAndOptionOrder) {
    JobSpec spec;
    spec.kind = JobKind::Evaluate;
    spec.options["model"] = "/m";
    spec.options["dataset"] = "fashion-mnist";
    spec.options["max-items"] = 200;
    const JobSpec back = JobSpec::from_json(nlohmann::ordered_json::parse(spec.to_json().dump()));
    EXPECT_EQ(back.kind, JobKind::Evaluate);
    EXPECT_EQ(back.options.dump(), spec.options.dump());
    EXPECT_EQ(back.device(), "auto");
}

TEST(JobSpec, BadParamsAreRefused) {
    EXPECT_THROW(JobSpec::from_json(nlohmann::ordered_json::parse(R"({"kind":"dance"})")),
                 std::runtime_error);
    EXPECT_THROW(JobSpec::from_json(nlohmann::ordered_json::parse(R"({"options":{}})")),
                 std::runtime_error);
    EXPECT_THROW(
        JobSpec::from_json(nlohmann::ordered_json::parse(R"({"kind":"eval","options":[1]})")),
        std::runtime_error);
}

TEST(JobSpec, EveryKindHasAUniqueName) {
    for (JobKind kind : kAllJobKinds)
        EXPECT_EQ(job_kind_named(job_name(kind)), kind);
}
