// Frame time of the live dashboard chart: 10 series × 100k points on one LiveChart while a
// producer thread appends ≥100k points/s, with per-pixel min/max decimation (ours) and with
// every point handed to QCustomPlot (the reference), in the same run. Then responsiveness:
// the chart is redrawn by a FrameClock (the dashboard view's one frame timer) in a running
// event loop while a probe thread posts an event to the GUI thread every 5 ms and the delay
// until it runs is recorded (what a mouse or key event would wait).
//
//   dashboard_frame_bench [--points N] [--rate R] [--seconds S]
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <qcustomplot.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "dashboard/frame_clock.hpp"
#include "dashboard/live_chart.hpp"
#include "series/series_store.hpp"

using namespace liveml::dashboard;
using namespace liveml::series;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kSeries = 10;

struct Options {
    long points = 100'000; // per series before measuring
    long rate = 100'000;   // points/s appended while measuring, all series together
    double seconds = 4;    // per variant
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const double value = std::atof(argv[i + 1]);
        if (flag == "--points")
            o.points = long(value);
        else if (flag == "--rate")
            o.rate = long(value);
        else if (flag == "--seconds")
            o.seconds = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            std::exit(2);
        }
    }
    if (o.points <= 0 || o.rate <= 0 || o.seconds <= 0) {
        std::fprintf(stderr, "--points, --rate and --seconds must be positive\n");
        std::exit(2);
    }
    return o;
}

double value(long step, int series) {
    return std::sin(step * 1e-3 + series) + series;
}

// Appends to the series round-robin at `rate` points/s (paced per millisecond) until stopped.
class Producer {
  public:
    Producer(std::vector<std::shared_ptr<SeriesBuffer>>& series, long rate, long first_step)
        : thread_([&series, rate, first_step, this] {
              long step = first_step;
              long sent = 0;
              const auto start = Clock::now();
              while (!stop_) {
                  const double elapsed =
                      std::chrono::duration<double>(Clock::now() - start).count();
                  const long due = long(elapsed * rate);
                  for (; sent < due; ++sent) {
                      const int s = int(sent % kSeries);
                      series[std::size_t(s)]->append(
                          {double(step), 1.7e9 + step * 1e-3, value(step, s)});
                      if (s == kSeries - 1) ++step;
                  }
                  std::this_thread::sleep_for(std::chrono::microseconds(500));
              }
              appended_ = sent;
              seconds_ = std::chrono::duration<double>(Clock::now() - start).count();
              next_step_ = step + 1;
          }) {}

    void stop() {
        stop_ = true;
        thread_.join();
    }
    double rate() const { return appended_ / seconds_; }
    long nextStep() const { return next_step_; }

  private:
    std::atomic<bool> stop_{false};
    long appended_ = 0;
    double seconds_ = 1;
    long next_step_ = 0;
    std::thread thread_;
};

struct Stats {
    double median, p95, max;
    int frames;
};

Stats stats(std::vector<double> ms) {
    if (ms.empty()) return {0, 0, 0, 0};
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, std::size_t(q * ms.size()))];
    };
    return {at(0.5), at(0.95), ms.back(), int(ms.size())};
}

// Posts a timestamped no-op to the GUI thread every 5 ms from its own thread; the GUI thread
// records how long each waited in the queue.
class LatencyProbe {
  public:
    LatencyProbe()
        : thread_([this] {
              while (!stop_) {
                  const auto sent = Clock::now();
                  QMetaObject::invokeMethod(
                      qApp,
                      [this, sent] {
                          const double ms =
                              std::chrono::duration<double, std::milli>(Clock::now() - sent)
                                  .count();
                          std::lock_guard lock(mutex_);
                          delays_.push_back(ms);
                      },
                      Qt::QueuedConnection);
                  std::this_thread::sleep_for(std::chrono::milliseconds(5));
              }
          }) {}

    // Stops posting and returns the delays of the probes that ran (call on the GUI thread
    // after its loop has drained them).
    std::vector<double> stop() {
        stop_ = true;
        thread_.join();
        QCoreApplication::processEvents();
        std::lock_guard lock(mutex_);
        return delays_;
    }

  private:
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::vector<double> delays_;
    std::thread thread_;
};

// CPU time of the calling thread: on a shared machine, what a frame costs regardless of how
// long the scheduler made it wait.
double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct FrameStats {
    Stats wall, cpu;
};

// Drives the chart like its frame timer would (one refresh per kFrameIntervalMs slot) and times each
// refresh: pulling new points, decimating, handing data to QCustomPlot and replotting.
FrameStats measure(LiveChart& chart, double seconds) {
    std::vector<double> wall, cpu;
    QElapsedTimer total;
    total.start();
    while (total.elapsed() < seconds * 1000) {
        QElapsedTimer frame;
        frame.start();
        const double cpu_start = threadCpuMs();
        chart.refresh();
        cpu.push_back(threadCpuMs() - cpu_start);
        const double took = frame.nsecsElapsed() / 1e6;
        wall.push_back(took);
        QCoreApplication::processEvents();
        const int rest = FrameClock::kFrameIntervalMs - int(took);
        if (rest > 0) QThread::msleep(ulong(rest));
    }
    return {stats(wall), stats(cpu)};
}

struct Responsiveness {
    Stats delay; // event-queue delay of the probes, ms
    double fps;  // replots per second the frame clock achieved
};

// Runs the event loop for `seconds` with the chart redrawn by a frame clock, as in the view.
Responsiveness respond(LiveChart& chart, double seconds) {
    FrameClock clock;
    QObject::connect(&clock, &FrameClock::frame, &chart, [&chart] { chart.refresh(); });
    int replots = 0;
    const auto counter =
        QObject::connect(chart.plot(), &QCustomPlot::afterReplot, [&replots] { ++replots; });
    LatencyProbe probe;
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    const std::vector<double> delays = probe.stop();
    QObject::disconnect(counter);
    return {stats(delays), replots / seconds};
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parse(argc, argv);

    SeriesStore store;
    std::vector<std::shared_ptr<SeriesBuffer>> series;
    for (int s = 0; s < kSeries; ++s) {
        series.push_back(store.series({"run", "m/" + std::to_string(s)}));
        for (long step = 0; step < options.points; ++step)
            series.back()->append({double(step), 1.7e9 + step * 1e-3, value(step, s)});
    }

    LiveChart chart(store);
    chart.addMetricPrefix("m/");
    chart.resize(1280, 720);
    chart.show();
    chart.setSmoothing(0.6); // raw + smoothed lines: 20 graphs, the dashboard's usual load
    chart.refresh();
    QCoreApplication::processEvents();

    std::printf("dashboard_frame_bench: %d series x %ld points (+%ld points/s while measuring), "
                "%dx%d px, raw+smoothed lines, %.1f s per phase\n",
                kSeries, options.points, options.rate, chart.width(), chart.height(),
                options.seconds);
    long step = options.points;
    for (const bool decimate : {true, false}) {
        chart.setDecimation(decimate);
        chart.resetView();
        Producer producer(series, options.rate, step);
        const FrameStats f = measure(chart, options.seconds);
        int plotted = 0;
        for (int g = 0; g < chart.plot()->graphCount(); ++g)
            plotted += chart.plot()->graph(g)->dataCount();
        const double replot = chart.plot()->replotTime(true); // QCustomPlot's share
        const Responsiveness r = respond(chart, options.seconds);
        producer.stop();
        step = producer.nextStep();
        const char* name =
            decimate ? "ours (min/max pyramid per column)" : "reference (all points to QCP)";
        std::printf("%-34s frame: n %4d  median %7.2f ms  p95 %7.2f ms  max %7.2f ms  "
                    "(replot %.2f ms, %d points in QCustomPlot)\n",
                    name, f.wall.frames, f.wall.median, f.wall.p95, f.wall.max, replot, plotted);
        std::printf("%-34s frame CPU time: median %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", "",
                    f.cpu.median, f.cpu.p95, f.cpu.max);
        std::printf("%-34s event loop: %.1f frames/s drawn, posted-event delay median %.2f ms "
                    "p95 %.2f ms max %.2f ms (%d probes); input held %.0f points/s\n",
                    "", r.fps, r.delay.median, r.delay.p95, r.delay.max, r.delay.frames,
                    producer.rate());
    }
    std::printf("points per series at the end: %zu\n", series[0]->size());
    return 0;
}
