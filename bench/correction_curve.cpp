// How fast the Draw page's learners adapt to a new writer through corrections: a writer's
// drawings (a digits-format CSV of canvas features, e.g. from `scripts/make-font-digits.py
// --writer FACE`) in a seeded order, the last --test of them held out; the first k are
// corrected one by one as the studio does (digits::learn_correction with --copies copies) and
// the held-out drawings scored after k = each --at value. Learners: the canvas preset (the
// Draw page's default) and the scikit-learn-exact SGD default model.
//
//   correction_curve --writer F.csv.gz [--writer G.csv.gz …] [--copies 1,8,32] [--test 400]
//                    [--at 0,100,300,1000] [--seed 1]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "digits/canvas_preset.hpp"
#include "digits/correction.hpp"
#include "digits/default_model.hpp"
#include "digits/digits_dataset.hpp"

using namespace liveml;

namespace {

struct Options {
    std::vector<std::filesystem::path> writers;
    std::vector<int> copies{1, 8, 32};
    std::vector<int> at{0, 100, 300, 1000};
    int test = 400;
    std::uint64_t seed = 1;
};

[[noreturn]] void usage(const std::string& message) {
    std::fprintf(stderr, "correction_curve: %s\n", message.c_str());
    std::exit(2);
}

std::vector<int> parse_list(const std::string& text, int min) {
    std::vector<int> values;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        char* end = nullptr;
        const long v = std::strtol(item.c_str(), &end, 10);
        if (item.empty() || *end != '\0' || v < min || v > 1'000'000)
            usage("bad list item '" + item + "'");
        values.push_back(int(v));
    }
    if (values.empty()) usage("empty list");
    return values;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) usage(flag + " needs a value");
        const std::string value = argv[++i];
        if (flag == "--writer")
            o.writers.emplace_back(value);
        else if (flag == "--copies")
            o.copies = parse_list(value, 1);
        else if (flag == "--at")
            o.at = parse_list(value, 0);
        else if (flag == "--test")
            o.test = parse_list(value, 1).front();
        else if (flag == "--seed")
            o.seed = std::uint64_t(parse_list(value, 0).front());
        else
            usage("unknown option " + flag);
    }
    if (o.writers.empty()) usage("--writer is required");
    std::sort(o.at.begin(), o.at.end());
    return o;
}

double accuracy(const online::OnlineClassifier& model,
                const std::vector<digits::DigitSample>& test) {
    std::size_t right = 0;
    for (const auto& s : test)
        right += model.predict(digits::to_doubles(s.x)) == s.label;
    return double(right) / double(test.size());
}

struct Learner {
    std::string name;
    std::unique_ptr<online::OnlineClassifier> model;
};

} // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    const auto digits_data = digits::load_digits_csv(digits::bundled_digits_path());
    const auto start = std::chrono::steady_clock::now();
    std::vector<Learner> learners;
    learners.push_back(
        {"canvas preset (mlp)",
         digits::train_canvas_model(digits_data,
                                    digits::load_digits_csv(digits::bundled_font_digits_path()))});
    learners.push_back(
        {"sgd default (sklearn-exact)",
         std::make_unique<online::SgdClassifier>(digits::train_default_model(digits_data))});
    std::printf("correction_curve: learners trained in %.1f s; copies per correction as the "
                "studio sends them; held-out drawings of the same writer scored\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());

    std::printf("| writer | learner | copies |");
    for (int k : options.at)
        std::printf(" %d |", k);
    std::printf("\n|---|---|---|");
    for (std::size_t i = 0; i < options.at.size(); ++i)
        std::printf("---|");
    std::printf("\n");
    for (const auto& path : options.writers) {
        auto drawings = digits::load_digits_csv(path);
        std::mt19937_64 rng(options.seed);
        for (std::size_t i = drawings.size(); i > 1; --i)
            std::swap(drawings[i - 1], drawings[std::size_t((rng() >> 11) % i)]);
        if (drawings.size() < std::size_t(options.test + options.at.back()))
            usage(path.string() + " has " + std::to_string(drawings.size()) +
                  " rows; --test plus the largest --at needs more");
        const std::vector<digits::DigitSample> test(drawings.end() - options.test, drawings.end());
        for (const auto& learner : learners) {
            for (int copies : options.copies) {
                auto model = learner.model->clone();
                std::printf("| %s | %s | %d |", path.stem().stem().string().c_str(),
                            learner.name.c_str(), copies);
                int done = 0;
                for (int k : options.at) {
                    for (; done < k; ++done)
                        digits::learn_correction(*model, drawings[std::size_t(done)].x,
                                                 drawings[std::size_t(done)].label, copies,
                                                 std::uint64_t(done) + 1);
                    std::printf(" %.3f |", accuracy(*model, test));
                }
                std::printf("\n");
                std::fflush(stdout);
            }
        }
    }
    return 0;
}
