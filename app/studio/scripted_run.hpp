#pragma once
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "studio_options.hpp"

namespace liveml::studio {

class MainWindow;

// Carries out the scripted flags: once the window's model is ready it draws the demo
// digit, waits --quit-after-ms, lets the last prediction land, saves --screenshot and quits
// with the exit code.
class ScriptedRun : public QObject {
    Q_OBJECT
  public:
    ScriptedRun(MainWindow& window, StudioOptions options, QObject* parent = nullptr);

  private:
    void modelReady();
    void finish();

    MainWindow& window_;
    StudioOptions options_;
    QTimer settleTimer_;
    QElapsedTimer waitingForIdle_;
};

} // namespace liveml::studio
