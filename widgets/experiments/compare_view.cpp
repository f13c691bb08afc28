#include "experiments/compare_view.hpp"

#include <QCheckBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "dashboard/chart_theme.hpp"

namespace liveml::experiments {
namespace {

enum class Format { Count, Decimal, Ratio, Percent };

struct Column {
    const char* title; // translated in CompareView's context
    const char* figure;
    Format format;
};

// The figures a comparison leads with (issue 12's JSON names); the CSV export has them all.
// "Top-1 retained" is computed here: the share of the first model's zero-shot top-1.
constexpr const char* kRetained = "";
const Column kColumns[] = {
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Parameters"), jobs::kParamsTotal,
     Format::Count},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Size (MB)"), "size_mb",
     Format::Decimal},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Compression"), "compression",
     Format::Ratio},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Image ms (b1 p50)"),
     jobs::kImageLatencyB1, Format::Decimal},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Image ms (b64 p50)"),
     "latency_ms.image.b64.p50", Format::Decimal},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Text ms (b1 p50)"),
     "latency_ms.text.b1.p50", Format::Decimal},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Speed-up (image b1)"),
     "speedup.image_b1", Format::Ratio},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Zero-shot top-1"), jobs::kZeroShotTop1,
     Format::Percent},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Zero-shot top-5"), "zeroshot.top5",
     Format::Percent},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "R@1 text→image"), "retrieval.t2i.R@1",
     Format::Percent},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "R@1 image→text"), "retrieval.i2t.R@1",
     Format::Percent},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "mAP"), "retrieval.map",
     Format::Percent},
    {QT_TRANSLATE_NOOP("liveml::experiments::CompareView", "Top-1 retained"), kRetained,
     Format::Percent},
};

QString formatted(double value, Format format) {
    const QLocale locale;
    switch (format) {
    case Format::Count:
        return locale.toString(qlonglong(std::llround(value)));
    case Format::Decimal:
        return locale.toString(value, 'f', value < 10 ? 2 : 1);
    case Format::Ratio:
        return QStringLiteral("%1×").arg(locale.toString(value, 'f', 1));
    case Format::Percent:
        return QStringLiteral("%1 %").arg(locale.toString(100 * value, 'f', 1));
    }
    return {};
}

// Sorts by the number, not by its text ("9.5" after "10.1" otherwise).
class NumberItem : public QTableWidgetItem {
  public:
    NumberItem(const QString& text, double value) : QTableWidgetItem(text) {
        setData(Qt::UserRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

} // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent), title_(new QLabel), differencesOnly_(new QCheckBox),
      export_(new QPushButton), table_(new QTableWidget), plot_(new QCustomPlot),
      settings_(new QTableWidget) {
    table_->setObjectName(QStringLiteral("compareTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    settings_->setObjectName(QStringLiteral("compareSettings"));
    settings_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    settings_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    differencesOnly_->setObjectName(QStringLiteral("differencesOnly"));
    differencesOnly_->setChecked(true);
    connect(differencesOnly_, &QCheckBox::toggled, this, &CompareView::applySettingsFilter);
    export_->setObjectName(QStringLiteral("exportCsv"));
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export comparison"), QStringLiteral("comparison.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty() && !exportCsv(path))
            title_->setText(tr("Could not write %1").arg(QDir::toNativeSeparators(path)));
    });

    plot_->setObjectName(QStringLiteral("compareScatter"));
    dashboard::keepDrawable(*plot_);
    plot_->setMinimumHeight(220);
    dashboard::applyChartTheme(*plot_, *this);

    auto* bar = new QHBoxLayout;
    bar->addWidget(title_, 1);
    bar->addWidget(differencesOnly_);
    bar->addWidget(export_);
    auto* lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(plot_);
    lower->addWidget(settings_);
    // The chart gets most of the room: a table of a few models needs little, and the settings
    // shown are only what differs.
    lower->setSizes({700, 300});
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(table_);
    split->addWidget(lower);
    split->setSizes({160, 440});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    retranslate();
}

void CompareView::show(const nlohmann::json& result,
                       const std::map<std::string, std::string>& run_of,
                       const std::map<std::string, nlohmann::json>& settings) {
    models_ = jobs::parse_compare_result(result, run_of);
    front_ = jobs::pareto_front(models_, jobs::kImageLatencyB1, jobs::kZeroShotTop1);
    std::vector<nlohmann::json> options;
    for (const auto& model : models_) {
        const auto it = settings.find(model.run_id);
        options.push_back(it == settings.end() ? nlohmann::json::object() : it->second);
    }
    settingRows_ = jobs::settings_side_by_side(options);
    fillTable();
    fillScatter();
    fillSettings();
    retranslate();
}

QString CompareView::modelName(const jobs::ComparedModel& model) const {
    if (!model.run_id.empty()) return QString::fromStdString(model.run_id);
    const QFileInfo folder(QString::fromStdString(model.model));
    return folder.fileName().isEmpty() ? folder.filePath() : folder.fileName();
}

void CompareView::fillTable() {
    table_->setSortingEnabled(false);
    table_->clearContents();
    table_->setRowCount(int(models_.size()));
    table_->setColumnCount(1 + int(std::size(kColumns)));
    const auto baseline = models_.empty() ? std::nullopt : models_[0].figure(jobs::kZeroShotTop1);
    for (int row = 0; row < int(models_.size()); ++row) {
        const auto& model = models_[std::size_t(row)];
        auto* name = new QTableWidgetItem(modelName(model));
        name->setToolTip(QString::fromStdString(model.model));
        table_->setItem(row, 0, name);
        for (int c = 0; c < int(std::size(kColumns)); ++c) {
            const Column& column = kColumns[c];
            std::optional<double> value;
            if (column.figure == kRetained) {
                const auto top1 = model.figure(jobs::kZeroShotTop1);
                if (top1 && baseline && *baseline > 0) value = *top1 / *baseline;
            } else {
                value = model.figure(column.figure);
            }
            auto* item = value ? new NumberItem(formatted(*value, column.format), *value)
                               : new NumberItem(QStringLiteral("—"), -1);
            if (column.figure != kRetained) item->setToolTip(QString::fromLatin1(column.figure));
            table_->setItem(row, c + 1, item);
        }
    }
    table_->setSortingEnabled(true);
}

void CompareView::fillScatter() {
    plot_->clearGraphs();
    plot_->clearItems();
    double max_params = 0;
    for (const auto& model : models_)
        max_params = std::max(max_params, model.figure(jobs::kParamsTotal).value_or(0));
    double xlo = HUGE_VAL, xhi = -HUGE_VAL, ylo = HUGE_VAL, yhi = -HUGE_VAL;
    for (std::size_t i = 0; i < models_.size(); ++i) {
        const auto x = models_[i].figure(jobs::kImageLatencyB1);
        const auto y = models_[i].figure(jobs::kZeroShotTop1);
        if (!x || !y || *x <= 0) continue;
        xlo = std::min(xlo, *x);
        xhi = std::max(xhi, *x);
        ylo = std::min(ylo, *y);
        yhi = std::max(yhi, *y);
        // Marker area follows the parameter count (a 10× smaller model: √10× smaller disc).
        const double params = models_[i].figure(jobs::kParamsTotal).value_or(0);
        const double size = 8 + 26 * (max_params > 0 ? std::sqrt(params / max_params) : 0);
        QCPGraph* point = plot_->addGraph();
        point->setLineStyle(QCPGraph::lsNone);
        QColor colour = dashboard::seriesColor(int(i));
        QColor fill = colour;
        fill.setAlpha(110);
        point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, fill, size));
        point->setData({*x}, {*y});
        auto* label = new QCPItemText(plot_);
        label->position->setCoords(*x, *y);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(int(size / 2) + 2, 0, 0, int(size / 2)));
        label->setText(modelName(models_[i]));
        label->setColor(palette().color(QPalette::WindowText));
    }
    if (front_.size() > 1) {
        QCPGraph* line = plot_->addGraph();
        QVector<double> xs, ys;
        for (const std::size_t i : front_) {
            xs.append(*models_[i].figure(jobs::kImageLatencyB1));
            ys.append(*models_[i].figure(jobs::kZeroShotTop1));
        }
        line->setData(xs, ys, true);
        line->setPen(QPen(palette().color(QPalette::Highlight), 1.5, Qt::DashLine));
        line->setName(QStringLiteral("pareto"));
    }
    if (xlo <= xhi) {
        // Latencies of a teacher and its student differ by an order of magnitude or more.
        const bool log = xhi / xlo > 10;
        plot_->xAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        plot_->xAxis->setTicker(log ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                                    : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        plot_->xAxis->ticker()->setTickCount(4); // latency labels are wide: few, readable
        if (log)
            plot_->xAxis->setRange(xlo / 1.6, xhi * 1.6);
        else
            plot_->xAxis->setRange(std::max(0.0, xlo - (xhi - xlo + xlo) * 0.2),
                                   xhi + (xhi - xlo + xhi) * 0.2);
        const double pad = std::max(0.01, (yhi - ylo) * 0.2);
        plot_->yAxis->setRange(ylo - pad, std::min(1.0, yhi + pad) + pad / 2);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CompareView::fillSettings() {
    settings_->clear();
    settings_->setColumnCount(int(models_.size()));
    QStringList headers;
    for (const auto& model : models_)
        headers << modelName(model);
    settings_->setHorizontalHeaderLabels(headers);
    settings_->setRowCount(int(settingRows_.size()));
    QStringList keys;
    for (int row = 0; row < int(settingRows_.size()); ++row) {
        const auto& setting = settingRows_[std::size_t(row)];
        keys << QString::fromStdString(setting.key);
        for (int c = 0; c < int(setting.values.size()); ++c)
            settings_->setItem(row, c,
                               new QTableWidgetItem(QString::fromStdString(setting.values[c])));
    }
    settings_->setVerticalHeaderLabels(keys);
    applySettingsFilter();
}

void CompareView::applySettingsFilter() {
    for (int row = 0; row < int(settingRows_.size()); ++row)
        settings_->setRowHidden(row, differencesOnly_->isChecked() &&
                                         !settingRows_[std::size_t(row)].differs());
}

bool CompareView::exportCsv(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    const std::string csv = jobs::compare_csv(models_);
    return file.write(csv.data(), qint64(csv.size())) == qint64(csv.size());
}

void CompareView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        dashboard::applyChartTheme(*plot_, *this);
        fillScatter();
    }
    QWidget::changeEvent(event);
}

void CompareView::retranslate() {
    title_->setText(tr("%n model(s) compared on the same inputs", nullptr, int(models_.size())));
    differencesOnly_->setText(tr("Settings: differences only"));
    export_->setText(tr("Export CSV…"));
    QStringList headers{tr("Model")};
    for (const Column& column : kColumns)
        headers << tr(column.title);
    table_->setHorizontalHeaderLabels(headers);
    plot_->xAxis->setLabel(tr("Image latency, batch 1, p50 (ms)"));
    plot_->yAxis->setLabel(tr("Zero-shot top-1"));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace liveml::experiments
