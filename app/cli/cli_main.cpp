#include "cli_main.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <string_view>

#include "exit_codes.hpp"
#include "finite_numbers.hpp"
#include "job_reporter.hpp"

namespace liveml::cli {
namespace {

std::vector<std::string>& arguments() {
    static std::vector<std::string> args;
    return args;
}

bool asked_for_json(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]) == "--json") return true;
    return false;
}

} // namespace

const std::vector<std::string>& command_line() {
    return arguments();
}

int run_cli(CLI::App& app, int argc, char** argv) {
    arguments().assign(argv, argv + argc);
    refuse_non_finite_numbers(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e); // prints --help/--version, or the error on stderr
        if (rc == 0) return kOk;
        // A reader of --json output must see why nothing else came.
        if (asked_for_json(argc, argv)) JobReporter(true, app.get_name()).error(e.what());
        return kUsage;
    } catch (const std::exception& e) {
        std::cerr << app.get_name() << ": " << e.what() << '\n';
        return kFailure;
    }
    return kOk;
}

} // namespace liveml::cli
