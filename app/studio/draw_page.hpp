#pragma once
#include <QWidget>

#include <optional>

#include "digits/digits_dataset.hpp"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace liveml::widgets {
class DrawingCanvas;
class FeaturePreview;
class ModelInfoPanel;
class ModelShelf;
class PredictionBadge;
class PredictionService;
class ProbabilityChart;
struct Prediction;
} // namespace liveml::widgets

namespace liveml::studio {

// The "Draw" page: the canvas, and beside it the live answer (digit, confidence,
// probability bars), the 8×8 input the model sees, which learner answers (chosen from the
// shelf) and, on request, every learner's answer side by side.
class DrawPage : public QWidget {
    Q_OBJECT
  public:
    DrawPage(widgets::PredictionService& service, widgets::ModelShelf& shelf,
             QWidget* parent = nullptr);

    widgets::DrawingCanvas* canvas() const { return canvas_; }
    widgets::PredictionBadge* badge() const { return badge_; }
    widgets::ProbabilityChart* chart() const { return chart_; }
    widgets::FeaturePreview* preview() const { return preview_; }
    widgets::ModelInfoPanel* modelInfo() const { return modelInfo_; }
    QComboBox* learnerChoice() const { return learner_; }
    QCheckBox* compareBox() const { return compare_; }
    // Rows: learner, digit, confidence — one per shelf slot, the answering one first.
    QTableWidget* comparison() const { return comparison_; }

    // Edit actions acting on the canvas, for the window's Edit menu.
    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }
    QAction* clearAction() const { return clear_; }

    // Appends a widget under the answer column (the Stream page's feedback buttons).
    void addResultWidget(QWidget* widget);

  protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void showPrediction(const widgets::Prediction& prediction);
    void refreshLearners();
    void showComparison();
    QString learnerTip(const QString& id) const;
    void updateActions();
    void retranslate();
    void placeCanvas();
    QWidget* buildCanvasColumn();
    QWidget* buildResultColumn();

    widgets::PredictionService& service_;
    widgets::ModelShelf& shelf_;
    widgets::DrawingCanvas* canvas_;
    widgets::PredictionBadge* badge_;
    widgets::ProbabilityChart* chart_;
    widgets::FeaturePreview* preview_;
    widgets::ModelInfoPanel* modelInfo_;
    QLabel* previewTitle_ = nullptr;
    QLabel* chartTitle_ = nullptr;
    QLabel* modelTitle_ = nullptr;
    QComboBox* learner_ = nullptr;
    QCheckBox* compare_ = nullptr;
    QTableWidget* comparison_ = nullptr;
    std::optional<digits::Features> lastFeatures_; // of the newest drawing with ink
    QAction* undo_;
    QAction* redo_;
    QAction* clear_;
    QWidget* canvasColumn_ = nullptr;
    QWidget* tools_ = nullptr;
    QVBoxLayout* resultLayout_ = nullptr;
};

} // namespace liveml::studio
