#include "main_window.hpp"

#include "studio_style.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

#include "draw_page.hpp"
#include "experiments_page.hpp"
#include "studio_style.hpp"
#ifdef LIVEML_STUDIO_STREAM
#include "stream_page.hpp"
#include "streamui/feedback_bar.hpp"
#include "streamui/stream_settings.hpp"
#endif
#include "drawing_canvas.hpp"
#include "model_info_panel.hpp"
#include "prediction_badge.hpp"

namespace liveml::studio {

namespace {
constexpr int kNavigationWidth = 132;
constexpr int kNoticeMs = 15000;
} // namespace

MainWindow::MainWindow(LanguageManager& languages, QWidget* parent)
    : QMainWindow(parent), languages_(languages), navigation_(new QListWidget(this)),
      pages_(new QStackedWidget(this)), drawPage_(new DrawPage(service_, shelf_, this)),
      experimentsPage_(new ExperimentsPage(ExperimentsPage::defaultRunsRoot(), this)),
      modelStatus_(new QLabel(this)) {
    setWindowIcon(QIcon(QStringLiteral(":/icons/liveml-studio.svg")));
    resize(kDefaultSize);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(navigation_);
    layout->addWidget(pages_, 1);
    setCentralWidget(central);
    pages_->addWidget(drawPage_);
#ifdef LIVEML_STUDIO_STREAM
    streamPage_ = new StreamPage(service_, shelf_, this);
    pages_->addWidget(streamPage_);
    drawPage_->addResultWidget(streamPage_->feedbackBar());
#endif
    pages_->addWidget(experimentsPage_);
    experimentsPage_->setDrawingSource([this] { return drawPage_->canvas()->grayImage(); });
    buildNavigation();
    buildMenus();

    modelStatus_->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(modelStatus_);

    connect(&service_, &widgets::PredictionService::modelChanged, this,
            &MainWindow::updateModelStatus);
    connect(&loader_, &widgets::ModelLoader::defaultModelReady, this,
            [this](const widgets::LoadedModel& m) {
                applyModel(m);
                settle();
            });
    // The built-in SGD model: on the shelf to choose and compare; the shelf keeps the
    // stream's newer one if that came first.
    connect(&loader_, &widgets::ModelLoader::builtInModelReady, &shelf_, &widgets::ModelShelf::put);
    connect(&loader_, &widgets::ModelLoader::defaultModelFailed, this,
            &MainWindow::defaultModelFailed);
    connect(&loader_, &widgets::ModelLoader::notice, this,
            [this](const QString& message) { statusBar()->showMessage(message, kNoticeMs); });
    connect(&languages_, &LanguageManager::languageChanged, this, [this](const QString& code) {
        for (QAction* action : languageGroup_->actions())
            action->setChecked(action->data() == code);
    });
    retranslate();
    applyIcons();
    drawPage_->canvas()->setFocus();
}

void MainWindow::buildNavigation() {
    navigation_->setObjectName(QStringLiteral("navigation"));
    navigation_->setFixedWidth(kNavigationWidth);
    navigation_->setIconSize(QSize(22, 22));
    navigation_->setFocusPolicy(Qt::NoFocus);
    navigation_->addItem(new QListWidgetItem(QString())); // its icon: applyIcons()
    if (streamPage_) navigation_->addItem(new QListWidgetItem(QString()));
    navigation_->addItem(new QListWidgetItem(QString()));
    connect(navigation_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
    navigation_->setCurrentRow(0);
}

void MainWindow::buildMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    openAction_ = fileMenu_->addAction(QString(), this, &MainWindow::chooseModelFile);
    openAction_->setShortcut(QKeySequence::Open);
    fileMenu_->addSeparator();
    quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
    quitAction_->setShortcut(QKeySequence::Quit);
    quitAction_->setMenuRole(QAction::QuitRole);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->addActions({drawPage_->undoAction(), drawPage_->redoAction()});
    editMenu_->addSeparator();
    editMenu_->addAction(drawPage_->clearAction());

    viewMenu_ = menuBar()->addMenu(QString());
    languageMenu_ = viewMenu_->addMenu(QString());
    languageGroup_ = new QActionGroup(this);
    for (const LanguageManager::Language& language : LanguageManager::languages()) {
        QAction* action = languageMenu_->addAction(language.nativeName);
        action->setCheckable(true);
        action->setData(language.code);
        action->setChecked(language.code == languages_.language());
        languageGroup_->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, code = language.code] { languages_.setLanguage(code); });
    }

    // The palette switches at once: charts and the canvas follow QEvent::PaletteChange.
    themeMenu_ = viewMenu_->addMenu(QString());
    auto* themes = new QActionGroup(this);
    const Theme current = QApplication::palette().color(QPalette::Window).lightness() > 127
                              ? Theme::Light
                              : Theme::Dark;
    for (const Theme theme : {Theme::Dark, Theme::Light}) {
        QAction* action = themeMenu_->addAction(QString());
        action->setCheckable(true);
        action->setChecked(theme == current);
        action->setObjectName(QStringLiteral("theme-") + themeName(theme));
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [theme] {
            applyStudioStyle(*qApp, theme);
            saveTheme(theme);
        });
        (theme == Theme::Dark ? darkAction_ : lightAction_) = action;
    }

    helpMenu_ = menuBar()->addMenu(QString());
    aboutAction_ = helpMenu_->addAction(QString(), this, &MainWindow::showAbout);
    aboutAction_->setMenuRole(QAction::AboutRole);
}

void MainWindow::showPage(QWidget* page) {
    if (const int index = pages_->indexOf(page); index >= 0) navigation_->setCurrentRow(index);
}

bool MainWindow::showPageNamed(const QString& name) {
    QWidget* page = name == QLatin1String("draw")          ? static_cast<QWidget*>(drawPage_)
                    : name == QLatin1String("stream")      ? static_cast<QWidget*>(streamPage_)
                    : name == QLatin1String("experiments") ? experimentsPage_
                                                           : nullptr;
    if (!page) return false;
    showPage(page);
    return true;
}

bool MainWindow::startDemo(bool messages) {
#ifdef LIVEML_STUDIO_STREAM
    showPage(streamPage_);
    streamPage_->showTab(messages ? 1 : 0);
    streamPage_->startLocalMode();
    return true;
#else
    Q_UNUSED(messages);
    return false;
#endif
}

bool MainWindow::hasSavedCluster() {
#ifdef LIVEML_STUDIO_STREAM
    return streamui::StreamSettings::load().hasCluster();
#else
    return false;
#endif
}

void MainWindow::start(const QString& modelPath) {
    drawPage_->modelInfo()->showLoading();
    drawPage_->badge()->showNoModel();
    if (!modelPath.isEmpty() && openModelFile(modelPath)) {
        settle();
        return;
    }
    loader_.loadDefault();
}

bool MainWindow::openModelFile(const QString& path) {
    const widgets::ModelLoader::FileResult result = widgets::ModelLoader::loadFile(path);
    if (!result.model) {
        showError(tr("Could not open the model"), result.error);
        return false;
    }
    applyModel(*result.model);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), kNoticeMs);
    return true;
}

void MainWindow::applyModel(const widgets::LoadedModel& model) {
    modelFailure_.clear();
    shelf_.put(model);
}

void MainWindow::defaultModelFailed(const QString& reason) {
    modelFailure_ = reason;
    drawPage_->modelInfo()->showFailure(reason);
    showError(tr("No model"), reason);
    updateModelStatus();
    settle();
}

void MainWindow::settle() {
    if (settled_) return;
    settled_ = true;
    emit modelSettled();
}

void MainWindow::showError(const QString& title, const QString& text) {
    // Window-modal but non-blocking, so a failure never stalls the event loop (or a test).
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::chooseModelFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Model"), QString(), tr("LiveML models (*.livemlm *.bin);;All files (*)"));
    if (!path.isEmpty()) openModelFile(path);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About LiveML Studio"),
        tr("<h3>LiveML Studio %1</h3>"
           "<p>A workbench for online machine learning: draw a digit and watch an online "
           "SGD learner, exact to scikit-learn, predict it while you draw.</p>"
           "<p>The bundled digits are the UCI optdigits test set, as shipped by scikit-learn.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::updateModelStatus() {
    if (const auto model = service_.model()) {
        modelStatus_->setText(
            tr("Model: %1 · %2 samples seen")
                .arg(widgets::ModelInfoPanel::sourceText(*model),
                     QLocale().toString(qulonglong(model->classifier->samples_seen()))));
    } else if (!modelFailure_.isEmpty()) {
        modelStatus_->setText(tr("No model"));
    } else {
        modelStatus_->setText(tr("Preparing the default model…"));
    }
}

void MainWindow::retranslate() {
    setWindowTitle(tr("LiveML Studio"));
    navigation_->item(0)->setText(tr("Draw"));
    if (streamPage_) navigation_->item(1)->setText(tr("Stream"));
    navigation_->item(pages_->indexOf(experimentsPage_))->setText(tr("Experiments"));
    fileMenu_->setTitle(tr("&File"));
    openAction_->setText(tr("&Open Model…"));
    quitAction_->setText(tr("&Quit"));
    editMenu_->setTitle(tr("&Edit"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("&Language"));
    themeMenu_->setTitle(tr("&Theme"));
    darkAction_->setText(tr("&Dark"));
    lightAction_->setText(tr("L&ight"));
    helpMenu_->setTitle(tr("&Help"));
    aboutAction_->setText(tr("&About LiveML Studio"));
    updateModelStatus();
}

void MainWindow::applyIcons() {
    const QColor ink = palette().color(QPalette::WindowText);
    navigation_->item(0)->setIcon(tintedIcon(QStringLiteral(":/icons/draw.svg"), ink));
    drawPage_->undoAction()->setIcon(tintedIcon(QStringLiteral(":/icons/undo.svg"), ink));
    drawPage_->redoAction()->setIcon(tintedIcon(QStringLiteral(":/icons/redo.svg"), ink));
    drawPage_->clearAction()->setIcon(tintedIcon(QStringLiteral(":/icons/clear.svg"), ink));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::PaletteChange) applyIcons();
    QMainWindow::changeEvent(event);
}

} // namespace liveml::studio
