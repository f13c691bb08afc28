#pragma once
#include <QObject>
#include <QSet>
#include <QString>
#include <QVector>

#include "jobs/host_probe.hpp"

namespace liveml::experiments {

// Asks the machine, without blocking the window, which `liveml clip` jobs exist (distill,
// compare and finetune may not yet) and which GPUs the NVIDIA driver reports. Signals come
// from the GUI thread, once each; a program that is missing or silent for 5 s counts as
// reporting nothing.
class HostCapabilities : public QObject {
    Q_OBJECT
  public:
    explicit HostCapabilities(QObject* parent = nullptr) : QObject(parent) {}
    ~HostCapabilities() override; // ends probes still running
    void probe(const QString& liveml);

    const QSet<QString>& jobs() const { return jobs_; }
    const QVector<jobs::GpuInfo>& gpus() const { return gpus_; }

  signals:
    void jobsProbed();
    void gpusProbed();

  private:
    QSet<QString> jobs_;
    QVector<jobs::GpuInfo> gpus_;
};

} // namespace liveml::experiments
