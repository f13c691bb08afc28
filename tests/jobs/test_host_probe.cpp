#include "jobs/host_probe.hpp"

#include <gtest/gtest.h>

using namespace liveml::jobs;

TEST(HostProbe, FindsOnlyListedSubcommands) {
    const std::string help = "CLIP jobs\nUsage: liveml clip [OPTIONS] SUBCOMMAND\n\nOptions:\n"
                             "  -h,--help   Print this help message and exit\n\nSubcommands:\n"
                             "  train       Train a CLIP model\n"
                             "  eval        Zero-shot top-1\n\n"
                             "Exit codes: distill is not a subcommand here\n";
    EXPECT_TRUE(help_lists_subcommand(help, "train"));
    EXPECT_TRUE(help_lists_subcommand(help, "eval"));
    EXPECT_FALSE(help_lists_subcommand(help, "distill"));
    EXPECT_FALSE(help_lists_subcommand(help, "-h,--help"));
    EXPECT_FALSE(help_lists_subcommand("", "train"));
}

TEST(HostProbe, ParsesNvidiaSmiLinesAndSkipsJunk) {
    const auto gpus = parse_gpu_list("0, NVIDIA H200, 143771\n1, Tesla T4, 15360\n"
                                     "NVIDIA-SMI has failed\n2, , 100\nx, A, 1\n");
    ASSERT_EQ(gpus.size(), 2u);
    EXPECT_EQ(gpus[0].index, 0);
    EXPECT_EQ(gpus[0].name, "NVIDIA H200");
    EXPECT_DOUBLE_EQ(gpus[0].memory_mib, 143771);
    EXPECT_EQ(gpus[1].name, "Tesla T4");
}
