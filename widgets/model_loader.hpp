#pragma once
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <optional>

#include "loaded_model.hpp"

namespace liveml::widgets {

// Provides the studio's models: the built-in ones (the canvas preset, which answers by
// default, and the scikit-learn-exact SGD on the bundled digits; trained at first start in a
// background thread, cached as model files, read back on later starts and retrained when a
// cache is unusable) and models the user opens.
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

    QString cacheFile(BuiltInModel which = BuiltInModel::CanvasPreset) const;
    bool isBusy() const { return watcher_.isRunning(); }

    // Asynchronous; ends with defaultModelReady (the canvas preset) or defaultModelFailed,
    // then builtInModelReady for the SGD one when it could be made (plus notice when a cache
    // had to be rebuilt or could not be written).
    void loadDefault();

    // Reads and validates a model file for use in the studio; never throws.
    static FileResult loadFile(const QString& path);
    // Empty when the studio can use the model; otherwise why not.
    static QString unusableReason(const online::OnlineClassifier& model);

  signals:
    void defaultModelReady(const liveml::widgets::LoadedModel& model);
    void defaultModelFailed(const QString& reason);
    void builtInModelReady(const liveml::widgets::LoadedModel& model);
    void notice(const QString& message);

  private:
    struct Provided {
        std::optional<LoadedModel> model;
        QString error;
        QString notice;
    };
    struct DefaultOutcome {
        Provided canvas, sgd;
    };
    static DefaultOutcome provideBuiltIns(const QString& canvasCache, const QString& sgdCache);
    static Provided provide(BuiltInModel which, const QString& cachePath);
    void defaultFinished();

    QString cacheDir_;
    QFutureWatcher<DefaultOutcome> watcher_;
};

} // namespace liveml::widgets
