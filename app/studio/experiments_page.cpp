#include "experiments_page.hpp"

#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include "experiments/host_capabilities.hpp"
#include "experiments/job_form.hpp"
#include "experiments/job_runner.hpp"
#include "experiments/run_history_model.hpp"
#include "experiments/run_live_view.hpp"
#include "experiments/run_results_view.hpp"
#include "streamui/liveml_binary.hpp"

namespace liveml::studio {

using experiments::RunHistoryModel;

namespace {
constexpr int kFormWidth = 330;
enum Tab { LiveTab, ResultsTab };
} // namespace

QString ExperimentsPage::defaultRunsRoot() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/experiments");
}

ExperimentsPage::ExperimentsPage(const QString& runsRoot, QWidget* parent)
    : QWidget(parent),
      runner_(new experiments::JobRunner(runsRoot, streamui::findLivemlBinary(), this)),
      host_(new experiments::HostCapabilities(this)), form_(new experiments::JobForm(*runner_)),
      startButton_(new QPushButton), cancelButton_(new QPushButton), resumeButton_(new QPushButton),
      error_(new QLabel), tabs_(new QTabWidget), live_(new experiments::RunLiveView(*runner_)),
      results_(new experiments::RunResultsView(*runner_)), historyTitle_(new QLabel),
      history_(new QTableView), model_(new RunHistoryModel(*runner_, this)),
      rerunButton_(new QPushButton), folderButton_(new QPushButton),
      deleteButton_(new QPushButton) {
    setObjectName(QStringLiteral("experimentsPage"));
    startButton_->setObjectName(QStringLiteral("startRun"));
    startButton_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    startButton_->setDefault(true);
    cancelButton_->setObjectName(QStringLiteral("cancelRun"));
    cancelButton_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    resumeButton_->setObjectName(QStringLiteral("resumeRun"));
    error_->setObjectName(QStringLiteral("formError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #d32f2f; }"));
    error_->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(resumeButton_);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(form_);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(error_);
    leftLayout->addStretch(1);
    auto* leftScroll = new QScrollArea;
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setFixedWidth(kFormWidth);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    tabs_->addTab(live_, QString());
    tabs_->addTab(results_, QString());

    history_->setObjectName(QStringLiteral("runHistory"));
    history_->setModel(model_);
    history_->setSelectionBehavior(QAbstractItemView::SelectRows);
    history_->setSelectionMode(QAbstractItemView::SingleSelection);
    history_->verticalHeader()->hide();
    history_->horizontalHeader()->setStretchLastSection(true);
    history_->setAlternatingRowColors(true);
    history_->setWordWrap(false);
    history_->setMinimumHeight(150);
    history_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* historyButtons = new QHBoxLayout;
    historyButtons->addWidget(historyTitle_, 1);
    historyButtons->addWidget(rerunButton_);
    historyButtons->addWidget(folderButton_);
    historyButtons->addWidget(deleteButton_);
    auto* historyBox = new QWidget;
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addLayout(historyButtons);
    historyLayout->addWidget(history_);

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(tabs_);
    right->addWidget(historyBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(leftScroll);
    layout->addWidget(right, 1);

    connect(startButton_, &QPushButton::clicked, this, &ExperimentsPage::start);
    connect(cancelButton_, &QPushButton::clicked, this, &ExperimentsPage::cancelSelected);
    connect(resumeButton_, &QPushButton::clicked, this, &ExperimentsPage::resumeSelected);
    connect(rerunButton_, &QPushButton::clicked, this, &ExperimentsPage::rerunSelected);
    connect(folderButton_, &QPushButton::clicked, this, &ExperimentsPage::openFolder);
    connect(deleteButton_, &QPushButton::clicked, this, &ExperimentsPage::askDelete);
    connect(history_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExperimentsPage::selectionChanged);
    connect(runner_, &experiments::JobRunner::runChanged, this, &ExperimentsPage::runChanged);
    connect(runner_, &experiments::JobRunner::problem, this, &ExperimentsPage::showError);
    connect(results_, &experiments::RunResultsView::searchByImage, this,
            [this](const QString& path) {
                form_->setKind(jobs::JobKind::Search);
                form_->setSearchImage(path);
                start();
            });
    connect(host_, &experiments::HostCapabilities::jobsProbed, this,
            [this] { form_->setAvailableJobs(host_->jobs()); });
    connect(host_, &experiments::HostCapabilities::gpusProbed, this, [this] {
        form_->setGpus(host_->gpus());
        runner_->setGpuCount(int(host_->gpus().size()));
    });
    host_->probe(streamui::findLivemlBinary());
    retranslate();
    if (model_->rowCount() > 0) history_->selectRow(0);
    updateButtons();
}

ExperimentsPage::~ExperimentsPage() = default;

void ExperimentsPage::setDrawingSource(std::function<QImage()> source) {
    form_->setDrawingSource(std::move(source));
}

QString ExperimentsPage::start() {
    QString error;
    const auto spec = form_->spec(&error);
    if (!spec) {
        showError(error);
        return {};
    }
    error_->hide();
    const QString id = runner_->submit(*spec);
    if (!id.isEmpty()) {
        selectRun(id);
        showTab(LiveTab);
    }
    return id;
}

bool ExperimentsPage::cancelSelected() {
    return runner_->cancel(selectedRun());
}

bool ExperimentsPage::resumeSelected() {
    const bool resumed = runner_->resume(selectedRun());
    if (resumed) {
        live_->showRun(selectedRun());
        showTab(LiveTab);
    }
    return resumed;
}

QString ExperimentsPage::rerunSelected() {
    const QString id = runner_->rerun(selectedRun());
    if (!id.isEmpty()) selectRun(id);
    return id;
}

bool ExperimentsPage::deleteRun(const QString& id) {
    return runner_->remove(id);
}

void ExperimentsPage::askDelete() {
    const QString id = selectedRun();
    if (id.isEmpty()) return;
    // Window-modal, not blocking: the page keeps updating while the question is open.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete run"),
                                tr("Delete run %1 and everything in its folder?").arg(id),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes) deleteRun(id);
    });
    box->open();
}

void ExperimentsPage::openFolder() {
    const QString id = selectedRun();
    if (!id.isEmpty()) QDesktopServices::openUrl(QUrl::fromLocalFile(runner_->runDir(id)));
}

void ExperimentsPage::selectRun(const QString& id) {
    const int row = model_->rowOf(id);
    if (row >= 0) history_->selectRow(row);
}

QString ExperimentsPage::selectedRun() const {
    const QModelIndexList rows = history_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : model_->runIdAt(rows.front().row());
}

QString ExperimentsPage::errorText() const {
    return error_->isVisible() ? error_->text() : QString();
}

void ExperimentsPage::showTab(int index) {
    tabs_->setCurrentIndex(index);
}

namespace {
// A finished search, zero-shot or evaluation is worth its results; training its curves.
bool answersWithResults(const jobs::RunRecord* run) {
    return run && run->status == jobs::RunStatus::Done && run->spec.kind != jobs::JobKind::Train &&
           run->spec.kind != jobs::JobKind::Index;
}
} // namespace

void ExperimentsPage::selectionChanged() {
    const QString id = selectedRun();
    if (id != live_->runId()) {
        live_->showRun(id);
        results_->showRun(id);
        showTab(answersWithResults(runner_->run(id)) ? ResultsTab : LiveTab);
    }
    updateButtons();
}

void ExperimentsPage::runChanged(const QString& id) {
    updateButtons();
    // A quick job's answer is what the user waits for: show it when it arrives.
    if (id == selectedRun() && answersWithResults(runner_->run(id))) showTab(ResultsTab);
}

void ExperimentsPage::updateButtons() {
    const jobs::RunRecord* run = runner_->run(selectedRun());
    cancelButton_->setEnabled(run && run->is_active());
    resumeButton_->setEnabled(run && run->can_resume());
    rerunButton_->setEnabled(run != nullptr);
    folderButton_->setEnabled(run != nullptr);
    deleteButton_->setEnabled(run && !run->is_active());
}

void ExperimentsPage::showError(const QString& text) {
    error_->setText(text);
    error_->show();
}

void ExperimentsPage::retranslate() {
    startButton_->setText(tr("Start"));
    startButton_->setToolTip(
        tr("Start the job (%1)").arg(startButton_->shortcut().toString(QKeySequence::NativeText)));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(
        tr("Stop the selected run; training leaves a checkpoint to resume from (%1)")
            .arg(cancelButton_->shortcut().toString(QKeySequence::NativeText)));
    resumeButton_->setText(tr("Resume"));
    resumeButton_->setToolTip(tr("Continue the selected stopped run from its checkpoint"));
    tabs_->setTabText(LiveTab, tr("Live"));
    tabs_->setTabText(ResultsTab, tr("Results"));
    historyTitle_->setText(tr("<b>History</b>"));
    rerunButton_->setText(tr("Rerun"));
    rerunButton_->setToolTip(tr("Start a new run with the same parameters"));
    folderButton_->setText(tr("Open folder"));
    deleteButton_->setText(tr("Delete…"));
}

void ExperimentsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::studio
