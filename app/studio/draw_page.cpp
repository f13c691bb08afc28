#include "draw_page.hpp"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

#include "drawing_canvas.hpp"
#include "feature_preview.hpp"
#include "model_info_panel.hpp"
#include "model_shelf.hpp"
#include "prediction.hpp"
#include "prediction_badge.hpp"
#include "prediction_service.hpp"
#include "probability_chart.hpp"

namespace liveml::studio {

namespace {
constexpr int kResultColumnWidth = 380;
constexpr int kToolsGap = 10; // between the canvas and its buttons

QLabel* sectionTitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}
} // namespace

DrawPage::DrawPage(widgets::PredictionService& service, widgets::ModelShelf& shelf, QWidget* parent)
    : QWidget(parent), service_(service), shelf_(shelf), canvas_(new widgets::DrawingCanvas(this)),
      badge_(new widgets::PredictionBadge(this)), chart_(new widgets::ProbabilityChart(this)),
      preview_(new widgets::FeaturePreview(this)), modelInfo_(new widgets::ModelInfoPanel(this)),
      // Their icons follow the theme: MainWindow::applyIcons.
      undo_(new QAction(this)), redo_(new QAction(this)), clear_(new QAction(this)) {
    undo_->setShortcut(QKeySequence::Undo);
    redo_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    clear_->setShortcut(Qt::Key_Escape);
    addActions({undo_, redo_, clear_});
    connect(undo_, &QAction::triggered, canvas_, &widgets::DrawingCanvas::undo);
    connect(redo_, &QAction::triggered, canvas_, &widgets::DrawingCanvas::redo);
    connect(clear_, &QAction::triggered, canvas_, &widgets::DrawingCanvas::clear);

    preview_->setBitmapVisible(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 12);
    layout->setSpacing(24);
    layout->addWidget(buildCanvasColumn(), 1);
    layout->addWidget(buildResultColumn(), 0);

    connect(canvas_, &widgets::DrawingCanvas::imageChanged, &service_,
            &widgets::PredictionService::submit);
    connect(canvas_, &widgets::DrawingCanvas::historyChanged, this, &DrawPage::updateActions);
    connect(&service_, &widgets::PredictionService::predictionReady, this,
            &DrawPage::showPrediction);
    connect(&service_, &widgets::PredictionService::modelChanged, this, [this] {
        if (const auto model = service_.model()) modelInfo_->setModel(*model);
        // The service re-predicts a drawing; an empty canvas just stops waiting for a model.
        if (canvas_->isEmpty()) badge_->showPrediction({});
    });
    connect(&shelf_, &widgets::ModelShelf::entriesChanged, this, &DrawPage::refreshLearners);
    connect(&shelf_, &widgets::ModelShelf::selectionChanged, this, &DrawPage::refreshLearners);
    connect(learner_, &QComboBox::activated, this,
            [this](int index) { shelf_.select(learner_->itemData(index).toString()); });
    connect(compare_, &QCheckBox::toggled, this, [this](bool on) {
        // The table takes the model panel's place (the list above and the status bar still
        // name the answering learner): both would not fit a 768-px-high screen.
        comparison_->setVisible(on);
        modelInfo_->setVisible(!on);
        showComparison();
    });
    if (!service_.model()) badge_->showPrediction({});
    refreshLearners();
    updateActions();
    retranslate();
}

QWidget* DrawPage::buildCanvasColumn() {
    // The canvas is square; a layout cannot keep a widget square, so the column places the
    // canvas and its buttons itself (placeCanvas) and centres them as one group.
    canvasColumn_ = new QWidget(this);
    canvasColumn_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    canvas_->setParent(canvasColumn_);
    tools_ = new QWidget(canvasColumn_);
    auto* tools = new QHBoxLayout(tools_);
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addStretch();
    for (QAction* action : {undo_, redo_, clear_}) {
        auto* button = new QToolButton(tools_);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        tools->addWidget(button);
    }
    tools->addStretch();
    const QSize minimum = canvas_->minimumSizeHint();
    canvasColumn_->setMinimumSize(minimum.width(),
                                  minimum.height() + kToolsGap + tools_->sizeHint().height());
    canvasColumn_->installEventFilter(this);
    return canvasColumn_;
}

void DrawPage::placeCanvas() {
    const QRect area = canvasColumn_->rect();
    const int toolsHeight = tools_->sizeHint().height();
    const int side = std::max(0, std::min(area.width(), area.height() - kToolsGap - toolsHeight));
    const int top = (area.height() - side - kToolsGap - toolsHeight) / 2;
    canvas_->setGeometry((area.width() - side) / 2, top, side, side);
    tools_->setGeometry(0, top + side + kToolsGap, area.width(), toolsHeight);
}

bool DrawPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched == canvasColumn_ && event->type() == QEvent::Resize) placeCanvas();
    return QWidget::eventFilter(watched, event);
}

QWidget* DrawPage::buildResultColumn() {
    auto* column = new QWidget(this);
    column->setFixedWidth(kResultColumnWidth);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6); // the column must fit the window's default height (kDefaultSize)
    layout->addWidget(badge_);
    layout->addSpacing(6);
    chartTitle_ = sectionTitle(column);
    layout->addWidget(chartTitle_);
    layout->addWidget(chart_, 1);
    layout->addSpacing(6);
    previewTitle_ = sectionTitle(column);
    layout->addWidget(previewTitle_);
    layout->addWidget(preview_);
    layout->addSpacing(6);
    // The section's title shares its row with the learner list: the column must fit the
    // window's default height.
    modelTitle_ = sectionTitle(column);
    auto* choice = new QHBoxLayout;
    choice->addWidget(modelTitle_);
    learner_ = new QComboBox(column);
    learner_->setObjectName(QStringLiteral("learnerChoice"));
    learner_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    compare_ = new QCheckBox(column);
    compare_->setObjectName(QStringLiteral("compareLearners"));
    choice->addWidget(learner_, 1);
    choice->addWidget(compare_);
    layout->addLayout(choice);
    comparison_ = new QTableWidget(0, 3, column);
    comparison_->setObjectName(QStringLiteral("learnerComparison"));
    comparison_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    comparison_->setSelectionMode(QAbstractItemView::NoSelection);
    comparison_->setFocusPolicy(Qt::NoFocus);
    comparison_->verticalHeader()->hide();
    comparison_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    comparison_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    comparison_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    comparison_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    comparison_->hide();
    layout->addWidget(comparison_);
    layout->addWidget(modelInfo_);
    resultLayout_ = layout;
    return column;
}

void DrawPage::addResultWidget(QWidget* widget) {
    resultLayout_->addSpacing(6);
    resultLayout_->addWidget(widget);
}

void DrawPage::showPrediction(const widgets::Prediction& prediction) {
    badge_->showPrediction(prediction);
    if (prediction.hasResult())
        chart_->setProbabilities(prediction.classes, prediction.probabilities);
    else
        chart_->clear();
    preview_->setFeatures(prediction.features);
    if (prediction.features.empty)
        lastFeatures_.reset();
    else
        lastFeatures_ = prediction.features.x;
    showComparison();
}

void DrawPage::refreshLearners() {
    // Stream checkpoints change the shelf every few seconds: the list is rebuilt only when
    // its learners change, so an open drop-down is not closed under the user's pointer.
    const auto& entries = shelf_.entries();
    bool same = learner_->count() == int(entries.size());
    for (int i = 0; same && i < learner_->count(); ++i)
        same = learner_->itemData(i).toString() == entries[std::size_t(i)].id;
    if (!same) learner_->clear();
    for (int i = 0; i < int(entries.size()); ++i) {
        const QString& id = entries[std::size_t(i)].id;
        if (!same) learner_->addItem(QString(), id);
        // Texts again on every call: a language change comes through here too.
        learner_->setItemText(i, widgets::ModelShelf::title(id));
        learner_->setItemData(i, learnerTip(id), Qt::ToolTipRole);
    }
    learner_->setCurrentIndex(learner_->findData(shelf_.selected()));
    learner_->setToolTip(learnerTip(shelf_.selected()));
    learner_->setEnabled(learner_->count() > 1);
    showComparison();
}

// Every learner's answer to the newest drawing. Computed here, on the GUI thread: one
// predict_proba of the largest learner (the preset's 768 hidden units) is tens of
// microseconds, and the features are already extracted.
void DrawPage::showComparison() {
    if (!compare_->isChecked()) return;
    const auto& entries = shelf_.entries();
    comparison_->setRowCount(int(entries.size()));
    // The answering learner first, the others in the shelf's order.
    std::vector<const widgets::ModelShelf::Entry*> order;
    for (const auto& slot : entries)
        if (slot.id == shelf_.selected()) order.push_back(&slot);
    for (const auto& slot : entries)
        if (slot.id != shelf_.selected()) order.push_back(&slot);
    for (int row = 0; row < int(order.size()); ++row) {
        const auto& slot = *order[std::size_t(row)];
        QString digit = QStringLiteral("–"), confidence;
        if (lastFeatures_) {
            const auto& model = *slot.model.classifier;
            std::vector<double> proba(model.classes().size());
            model.predict_proba(digits::to_doubles(*lastFeatures_), proba);
            const auto best = std::max_element(proba.begin(), proba.end());
            digit = QString::number(model.classes()[std::size_t(best - proba.begin())]);
            confidence = QLocale().toString(*best * 100, 'f', 1) + QStringLiteral(" %");
        }
        const QStringList cells{widgets::ModelShelf::title(slot.id), digit, confidence};
        for (int column = 0; column < 3; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == 0) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            comparison_->setItem(row, column, item);
        }
    }
    comparison_->setFixedHeight(comparison_->horizontalHeader()->height() +
                                comparison_->rowCount() *
                                    comparison_->verticalHeader()->defaultSectionSize() +
                                2 * comparison_->frameWidth());
}

QString DrawPage::learnerTip(const QString& id) const {
    if (id == widgets::ModelShelf::kSgd)
        return tr("The original pipeline's learner: one-vs-rest logistic SGD, exact to "
                  "scikit-learn. Its probabilities are ten independent sigmoids normalised to "
                  "sum to one; each saturates at 0 or 1, so it often shows 100 % or 50/50 even "
                  "when it is wrong. The canvas preset and softmax regression fit their "
                  "probabilities over all ten digits at once.");
    if (id == widgets::ModelShelf::kCanvas)
        return tr("The default: three MLPs trained on the bundled digits, distorted, and on "
                  "digits rendered in handwriting fonts, averaged into one network "
                  "(liveml fit --preset canvas). Your corrections train it here.");
    if (id == widgets::ModelShelf::kFile) return tr("A model file you opened.");
    return tr("A learner of the running stream's trainer, reloaded at each checkpoint; "
              "corrections reach it through the stream.");
}

void DrawPage::updateActions() {
    undo_->setEnabled(canvas_->canUndo());
    redo_->setEnabled(canvas_->canRedo());
    clear_->setEnabled(!canvas_->isEmpty());
}

void DrawPage::retranslate() {
    // Menus show text with mnemonics; the buttons under the canvas show the plain iconText.
    undo_->setText(tr("&Undo"));
    undo_->setIconText(tr("Undo"));
    undo_->setToolTip(
        tr("Undo the last stroke (%1)").arg(undo_->shortcut().toString(QKeySequence::NativeText)));
    redo_->setText(tr("&Redo"));
    redo_->setIconText(tr("Redo"));
    redo_->setToolTip(tr("Redo (%1)").arg(redo_->shortcut().toString(QKeySequence::NativeText)));
    clear_->setText(tr("&Clear"));
    clear_->setIconText(tr("Clear"));
    clear_->setToolTip(tr("Clear the canvas (Esc)"));
    chartTitle_->setText(tr("Probabilities"));
    previewTitle_->setText(tr("What the model sees"));
    modelTitle_->setText(tr("Model"));
    compare_->setText(tr("Compare all"));
    compare_->setToolTip(tr("Show every learner's answer to the drawing side by side"));
    comparison_->setHorizontalHeaderLabels({tr("Learner"), tr("Digit"), tr("Confidence")});
    refreshLearners();
}

void DrawPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::studio
