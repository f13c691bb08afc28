// Flags, help and exit codes of the `liveml` subcommands this issue adds.
#include <gtest/gtest.h>

#include "cli_process.hpp"

namespace liveml::cli::test {
namespace {

TEST(CliUsage, EverySubcommandHasHelpWithExamplesAndExitCodes) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"fit", "--help"},
                                                 {"model", "--help"},
                                                 {"model", "show", "--help"},
                                                 {"predict", "--help"}}) {
        const auto run = run_liveml(args);
        SCOPED_TRACE(args[0] + " " + args[1]);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        EXPECT_NE(run.out.find("Examples:"), std::string::npos) << run.out;
        EXPECT_NE(run.out.find("Exit codes: 0 ok, 1 failure, 2 usage error, 3 partial failure, "
                               "130 interrupted"),
                  std::string::npos)
            << run.out;
    }
    const auto root = run_liveml({"--help"});
    EXPECT_EQ(root.exit_code, 0);
    for (const char* sub : {"fit", "model", "predict"})
        EXPECT_NE(root.out.find(sub), std::string::npos) << root.out;
}

TEST(CliUsage, BadFlagsExitTwo) {
    for (const std::vector<std::string>& args : {
             std::vector<std::string>{},
             {"no-such-command"},
             {"fit", "--input", "x.csv"},
             {"fit", "--out", "m.lvm"},
             {"fit", "-i", "x.csv", "-o", "m.lvm", "--loss", "squared"},
             {"fit", "-i", "x.csv", "-o", "m.lvm", "--penalty", "elastic"},
             {"fit", "-i", "x.csv", "-o", "m.lvm", "--alpha", "-1"},
             {"fit", "-i", "x.csv", "-o", "m.lvm", "--alpha", "nan"},
             {"fit", "-i", "x.csv", "-o", "m.lvm", "--passes", "0"},
             {"fit", "-i", "x.csv", "-o", "m.lvm", "--bogus"},
             {"model"},
             {"model", "show"},
             {"predict", "--model", "m.lvm"},
             {"predict", "a.png"},
         }) {
        const auto run = run_liveml(args);
        std::string joined;
        for (const auto& a : args)
            joined += a + " ";
        EXPECT_EQ(run.exit_code, 2) << joined << "\n" << run.err;
        EXPECT_FALSE(run.err.empty()) << joined;
    }
}

} // namespace
} // namespace liveml::cli::test
