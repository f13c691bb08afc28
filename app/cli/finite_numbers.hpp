#pragma once
// `nan` and `inf` are never numbers on our command lines. CLI11 reads them into floating-point
// options (it converts with strtod), and its Range and PositiveNumber checks let NaN through
// (every comparison with NaN is false), so the refusal is added here, once for all commands.
namespace CLI {
class App;
class Validator;
} // namespace CLI

namespace liveml::cli {

// Adds a finiteness check to every floating-point option of `app` and its subcommands; call
// after every command is registered.
void refuse_non_finite_numbers(CLI::App& app);

// A value that is finite and > 0 (an alpha, a learning rate).
CLI::Validator positive_finite();

} // namespace liveml::cli
