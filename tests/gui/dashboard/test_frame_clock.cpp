// The dashboard's one frame timer: frames at the frame rate while they are cheap, and an idle
// stretch as long as the overrun after an expensive one. Only lower bounds on time are checked: a
// loaded machine can make intervals longer, never shorter.
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <vector>

#include "dashboard/frame_clock.hpp"

using liveml::dashboard::FrameClock;

class TestFrameClock : public QObject {
    Q_OBJECT
  private slots:
    void cheapFramesComeAtTheFrameInterval() {
        FrameClock clock;
        QElapsedTimer timer;
        timer.start();
        std::vector<qint64> starts;
        connect(&clock, &FrameClock::frame, this, [&] { starts.push_back(timer.elapsed()); });
        QTRY_VERIFY_WITH_TIMEOUT(starts.size() >= 5, 10'000);
        for (std::size_t i = 1; i < starts.size(); ++i)
            QVERIFY2(starts[i] - starts[i - 1] >= FrameClock::kFrameIntervalMs - 1,
                     qPrintable(QString::number(starts[i] - starts[i - 1])));
    }

    void anExpensiveFrameIsFollowedByAnIdleStretchAsLongAsItsOverrun() {
        constexpr int kFrameMs = 60;
        FrameClock clock;
        QElapsedTimer timer;
        timer.start();
        std::vector<qint64> starts;
        connect(&clock, &FrameClock::frame, this, [&] {
            starts.push_back(timer.elapsed());
            QThread::msleep(kFrameMs);
        });
        QTRY_VERIFY_WITH_TIMEOUT(starts.size() >= 4, 10'000);
        // Frame start to frame start: the frame itself, then idle for its overrun.
        constexpr int kOverrunMs = kFrameMs - FrameClock::kFrameIntervalMs;
        for (std::size_t i = 1; i < starts.size(); ++i)
            QVERIFY2(starts[i] - starts[i - 1] >= kFrameMs + kOverrunMs - 1,
                     qPrintable(QString::number(starts[i] - starts[i - 1])));
        QVERIFY(clock.nextDelayMs() >= kOverrunMs);
    }
};

QTEST_GUILESS_MAIN(TestFrameClock)
#include "test_frame_clock.moc"
