#pragma once
#include <QImage>
#include <QSet>
#include <QVector>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "jobs/host_probe.hpp"
#include "jobs/job_spec.hpp"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace liveml::experiments {

class ImageDropTarget;
class JobRunner;
class PathCombo;

// The left side of the Experiments page: the job kinds, a form per kind with defaults that
// work on the built-in data (advanced options folded), and the device. Models and indexes
// are offered from earlier runs or a folder. Kinds the CLI does not offer (distill, compare,
// finetune, ingest in older builds) stay disabled with a tooltip saying so. GUI thread only.
class JobForm : public QWidget {
    Q_OBJECT
  public:
    explicit JobForm(JobRunner& runner, QWidget* parent = nullptr);
    ~JobForm() override;

    jobs::JobKind kind() const;
    void setKind(jobs::JobKind kind);
    bool isKindEnabled(jobs::JobKind kind) const;
    // The `liveml clip` subcommands the CLI listed (HostCapabilities).
    void setAvailableJobs(const QSet<QString>& names);
    void setGpus(const QVector<jobs::GpuInfo>& gpus);
    // The Zero-shot form's "Use the drawing" asks this for the Draw page's canvas.
    void setDrawingSource(std::function<QImage()> source) { drawing_ = std::move(source); }

    // The job the current form describes, or nullopt with what is missing in `error`.
    std::optional<jobs::JobSpec> spec(QString* error) const;

    // The Search form's query, set by the results view ("search by this image").
    void setSearchImage(const QString& path);
    void setSearchText(const QString& text);
    // The Ingest form's watched folder, as picking it in the dialog would set it.
    void setIngestFolder(const QString& path);
    // Uses the Draw page's drawing as the zero-shot image (written under `folder`).
    bool useDrawing(const QString& folder);

  signals:
    void kindChanged(jobs::JobKind kind);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Fields;
    QWidget* buildTrain();
    QWidget* buildIndex();
    QWidget* buildSearch();
    QWidget* buildZeroShot();
    QWidget* buildEvaluate();
    QWidget* buildDistill();
    QWidget* buildFineTune();
    QWidget* buildCompare();
    QWidget* buildIngest();
    void addRow(QFormLayout* form, const char* label, QWidget* field);
    QFormLayout* addAdvanced(QFormLayout* form);
    QFormLayout* newForm(QWidget** page);
    void refreshRuns();
    void updateKindItems();
    void retranslate();

    JobRunner& runner_;
    QListWidget* kinds_;
    QStackedWidget* forms_;
    QComboBox* device_;
    QLabel* deviceLabel_;
    std::unique_ptr<Fields> f_;
    QVector<jobs::GpuInfo> gpus_;
    QSet<QString> available_;
    bool availableKnown_ = false;
    std::function<QImage()> drawing_;
    std::vector<std::pair<QLabel*, const char*>> labels_; // retranslated from their source
    std::vector<QToolButton*> advancedToggles_;
};

} // namespace liveml::experiments
