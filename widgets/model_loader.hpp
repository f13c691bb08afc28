#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <optional>

#include "loaded_model.hpp"

namespace liveml::widgets {

// Provides the studio's models: the default one (trained on the bundled digits at first
// start in a background thread, cached as a model file, read back on later starts and
// retrained when the cache is unusable) and models the user opens.
class ModelLoader : public QObject {
    Q_OBJECT
  public:
    struct FileResult {
        std::optional<LoadedModel> model;
        QString error; // a sentence for a message box when model is empty
    };

    // The cache lives in QStandardPaths::AppDataLocation unless a folder is given.
    explicit ModelLoader(QObject* parent = nullptr);
    explicit ModelLoader(const QString& cacheDir, QObject* parent = nullptr);
    ~ModelLoader() override;

    QString cacheFile() const;
    bool isBusy() const { return watcher_.isRunning(); }

    // Asynchronous; ends with defaultModelReady or defaultModelFailed (plus notice when
    // the cache had to be rebuilt or could not be written).
    void loadDefault();

    // Reads and validates a model file for use in the studio; never throws.
    static FileResult loadFile(const QString& path);

  signals:
    void defaultModelReady(const liveml::widgets::LoadedModel& model);
    void defaultModelFailed(const QString& reason);
    void notice(const QString& message);

  private:
    struct DefaultOutcome {
        std::optional<LoadedModel> model;
        QString error;
        QString notice;
    };
    static DefaultOutcome provideDefault(const QString& cachePath);
    // Empty when the studio can use the model; otherwise why not.
    static QString unusableReason(const online::SgdClassifier& model);
    void defaultFinished();

    QString cacheDir_;
    QFutureWatcher<DefaultOutcome> watcher_;
};

} // namespace liveml::widgets
