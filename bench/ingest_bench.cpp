// `clip ingest` throughput on CPU, end to end per object: fetch from a real S3 server
// (S3Proxy), decode, embed with the given model, add to the index, write a thumbnail and a
// sidecar back, then one atomic save; prints objects/s and where the time goes. Kafka is left
// out (one poll and one commit per batch: noise next to these stages). The reference is the
// original workflow's resizer, Python PIL's Image.thumbnail + JPEG save of the same objects,
// measured in the same run.
//   ingest_bench --model DIR [--objects N] [--side PX] [--batch B] [--threads T] [--skip-python]
#include "clip/clip_encoder.hpp"
#include "clip/image_batch.hpp"
#include "clip/model_fingerprint.hpp"
#include "datasets/builtin_datasets.hpp"
#include "imaging/image_encode.hpp"
#include "imaging/resize.hpp"
#include "ingest/ingest_processor.hpp"
#include "objectstore/s3proxy_server.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

using namespace liveml;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Args {
    std::string model;
    int objects = 400;
    int side = 256; // the stored images: Fashion-MNIST items upscaled to side×side JPEGs
    std::size_t batch = 32;
    int threads = 2;
    bool python = true;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        const auto value = [&] {
            if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
            return std::string(argv[++i]);
        };
        if (flag == "--model")
            a.model = value();
        else if (flag == "--objects")
            a.objects = std::stoi(value());
        else if (flag == "--side")
            a.side = std::stoi(value());
        else if (flag == "--batch")
            a.batch = std::stoul(value());
        else if (flag == "--threads")
            a.threads = std::stoi(value());
        else if (flag == "--skip-python")
            a.python = false;
        else
            throw std::invalid_argument("unknown flag " + flag);
    }
    if (a.model.empty()) throw std::invalid_argument("--model DIR is required");
    return a;
}

// Seconds PIL takes to open each file, thumbnail it to 256 and save it as JPEG.
double python_resizer_seconds(const fs::path& folder) {
    const auto script = folder / "resize.py";
    std::ofstream(script) << "import sys, time, glob\nfrom PIL import Image\n"
                             "files = sorted(glob.glob(sys.argv[1] + '/*.jpg'))\n"
                             "t = time.perf_counter()\n"
                             "for f in files:\n"
                             "    im = Image.open(f).convert('RGB'); im.thumbnail((256, 256))\n"
                             "    im.save(f + '.thumb.jpeg', 'JPEG', quality=85)\n"
                             "print(time.perf_counter() - t)\n";
    const auto command = std::string(LIVEML_PYTHON) + " " + script.string() + " " + folder.string();
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return -1;
    char buffer[64] = {};
    const bool read = std::fgets(buffer, sizeof buffer, pipe) != nullptr;
    ::pclose(pipe);
    return read ? std::atof(buffer) : -1;
}

} // namespace

int main(int argc, char** argv) try {
    const auto args = parse(argc, argv);
    std::string why;
    const auto install = objectstore::find_s3proxy_install(why);
    if (!install) throw std::runtime_error(why);
    const auto work =
        fs::temp_directory_path() / ("liveml-ingest-bench-" + std::to_string(::getpid()));
    fs::create_directories(work / "files");
    const objectstore::S3Credentials credentials{"bench", "bench-secret", ""};
    objectstore::S3ProxyServer server(*install, {work / "s3", credentials, ""});
    objectstore::S3Client s3(objectstore::parse_endpoint(server.endpoint()), credentials);
    s3.create_bucket("photos");

    const auto data = datasets::load_fashion_mnist(datasets::Split::Test);
    std::vector<objectstore::BucketEvent> events;
    std::uint64_t stored_bytes = 0;
    for (int i = 0; i < args.objects; ++i) {
        const auto gray = data.image(static_cast<std::size_t>(i));
        imaging::RgbImage rgb{data.width, data.height, {}};
        for (const auto v : gray)
            rgb.pixels.insert(rgb.pixels.end(), {v, v, v});
        const auto jpeg = imaging::encode_jpeg(imaging::resize_bicubic(rgb, args.side, args.side));
        const auto key = "item" + std::to_string(i) + ".jpg";
        std::ofstream(work / "files" / key, std::ios::binary) << jpeg;
        const auto etag = s3.put_object("photos", key, jpeg, "image/jpeg");
        stored_bytes += jpeg.size();
        events.push_back({objectstore::BucketEventKind::Created, "s3:ObjectCreated:Put", "photos",
                          key, jpeg.size(), etag, std::to_string(1000 + i), ""});
    }

    clip::RuntimeOptions runtime;
    runtime.threads = args.threads;
    const auto encoder = clip::ClipEncoder::load(args.model, runtime);
    const auto embed = [&](const std::vector<imaging::RgbImage>& images) {
        return clip::encode_rgb_images(encoder, images, args.batch);
    };
    ingest::IngestState state{retrieval::VectorIndex(encoder.embedding_dim()), {}};
    ingest::S3ObjectStore store(s3);
    s3.create_bucket("processed");
    ingest::IngestOptions options;
    options.out_bucket = "processed";
    options.model = clip::model_fingerprint(args.model);
    ingest::IngestProcessor processor(store, &store, state, options, embed);

    const auto start = Clock::now();
    double save_s = 0;
    for (std::size_t begin = 0; begin < events.size(); begin += args.batch) {
        const auto end = std::min(events.size(), begin + args.batch);
        processor.process({events.begin() + static_cast<std::ptrdiff_t>(begin),
                           events.begin() + static_cast<std::ptrdiff_t>(end)});
        const auto before_save = Clock::now();
        ingest::save_ingest_state(state, work / "index");
        save_s += std::chrono::duration<double>(Clock::now() - before_save).count();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const auto& t = processor.timings();
    const auto share = [&](double s) { return std::round(1000 * s / seconds) / 10; };
    nlohmann::json out{
        {"objects", args.objects},
        {"side", args.side},
        {"mean_object_bytes", stored_bytes / static_cast<std::uint64_t>(args.objects)},
        {"batch", args.batch},
        {"threads", args.threads},
        {"indexed", processor.counts().indexed},
        {"seconds", seconds},
        {"objects_per_s", args.objects / seconds},
        {"percent",
         {{"fetch", share(t.fetch_s)},
          {"decode", share(t.decode_s)},
          {"embed", share(t.embed_s)},
          {"index", share(t.index_s)},
          {"write_back", share(t.write_s)},
          {"save", share(save_s)}}}};
    if (args.python) {
        const auto python_s = python_resizer_seconds(work / "files");
        out["reference_pil_resizer"] = {
            {"seconds", python_s}, {"objects_per_s", python_s > 0 ? args.objects / python_s : 0}};
    }
    std::cout << out.dump(2) << std::endl;
    server.stop();
    fs::remove_all(work);
    return processor.counts().indexed == static_cast<std::uint64_t>(args.objects) ? 0 : 1;
} catch (const std::exception& e) {
    std::cerr << "ingest_bench: " << e.what() << '\n';
    return 2;
}
