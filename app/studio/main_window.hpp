#pragma once
#include <QMainWindow>

#include "language_manager.hpp"
#include "model_loader.hpp"
#include "model_shelf.hpp"
#include "prediction_service.hpp"

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace liveml::studio {

class DrawPage;
class ExperimentsPage;
class StreamPage;

// The studio window: a navigation list on the left (one entry per page: Draw, Stream,
// Experiments),
// the pages in a stack, menus, and a status bar naming the model that answers.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    static constexpr QSize kDefaultSize{1180, 760};

    explicit MainWindow(LanguageManager& languages, QWidget* parent = nullptr);

    // Starts answering: with the model file at modelPath, or (empty path, or the file is
    // unusable: an error is shown) with the default model.
    void start(const QString& modelPath = {});

    // Replaces the answering model with a file's; on failure shows why in a message box and
    // keeps the current model. Returns whether the model was replaced.
    bool openModelFile(const QString& path);

    DrawPage* drawPage() const { return drawPage_; }
    // Shows one of the pages (as the navigation list does).
    void showPage(QWidget* page);
    // Null when built without LIVEML_STREAM.
    StreamPage* streamPage() const { return streamPage_; }
    ExperimentsPage* experimentsPage() const { return experimentsPage_; }
    // Shows the page named by --page: "draw", "stream" or "experiments"; false if unknown.
    bool showPageNamed(const QString& name);
    // --demo: shows the Stream page (its message tail if `messages`) and starts local mode
    // with the producer running. False when the studio was built without streaming.
    bool startDemo(bool messages = false);
    // Whether the user saved a cluster to connect to on the Stream page (false without one, or
    // without streaming): decides --demo-unless-configured.
    static bool hasSavedCluster();
    widgets::PredictionService& predictionService() { return service_; }
    widgets::ModelShelf& modelShelf() { return shelf_; }
    // True once the first model load has ended, successfully or not.
    bool isModelSettled() const { return settled_; }

  signals:
    void modelSettled();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void buildMenus();
    void buildNavigation();
    void applyModel(const widgets::LoadedModel& model);
    void defaultModelFailed(const QString& reason);
    void settle();
    void showError(const QString& title, const QString& text);
    void chooseModelFile();
    void showAbout();
    void updateModelStatus();
    void retranslate();
    // Our icons in the palette's text colour (again after a theme switch).
    void applyIcons();

    LanguageManager& languages_;
    widgets::PredictionService service_;
    widgets::ModelShelf shelf_{service_};
    widgets::ModelLoader loader_;
    QListWidget* navigation_;
    QStackedWidget* pages_;
    DrawPage* drawPage_;
    StreamPage* streamPage_ = nullptr;
    ExperimentsPage* experimentsPage_;
    QLabel* modelStatus_;
    QMenu* fileMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* themeMenu_ = nullptr;
    QAction* darkAction_ = nullptr;
    QAction* lightAction_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;
    QString modelFailure_;
    bool settled_ = false;
};

} // namespace liveml::studio
