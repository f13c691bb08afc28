#include "draw_page.hpp"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "drawing_canvas.hpp"
#include "feature_preview.hpp"
#include "model_info_panel.hpp"
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

DrawPage::DrawPage(widgets::PredictionService& service, QWidget* parent)
    : QWidget(parent), service_(service), canvas_(new widgets::DrawingCanvas(this)),
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
    if (!service_.model()) badge_->showPrediction({});
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
    layout->setSpacing(8);
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
    modelTitle_ = sectionTitle(column);
    layout->addWidget(modelTitle_);
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
}

void DrawPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::studio
