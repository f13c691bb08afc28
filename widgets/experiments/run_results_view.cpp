#include "experiments/run_results_view.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dashboard/confusion_matrix_chart.hpp"
#include "experiments/compare_view.hpp"
#include "experiments/gallery_images.hpp"
#include "experiments/job_runner.hpp"
#include "experiments/job_texts.hpp"
#include "experiments/named_bar_chart.hpp"
#include "experiments/thumbnail_grid.hpp"

namespace liveml::experiments {

namespace {

constexpr int kThumbnail = 96;
constexpr int kPathRole = Qt::UserRole + 1;

enum Page { Empty, Metrics, Search, ZeroShot, Compare };

// Every scalar of a result as "a.b.c" → value; arrays are shown by their own views.
void flatten(const nlohmann::json& json, const QString& prefix,
             QList<QPair<QString, QString>>& rows) {
    const QLocale locale;
    for (const auto& [key, value] : json.items()) {
        const QString name = prefix + QString::fromStdString(key);
        if (value.is_object())
            flatten(value, name + '.', rows);
        else if (value.is_number_integer())
            rows.append({name, locale.toString(value.get<qlonglong>())});
        else if (value.is_number())
            rows.append({name, locale.toString(value.get<double>(), 'f', 4)});
        else if (value.is_boolean())
            rows.append(
                {name, value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false")});
        else if (value.is_string())
            rows.append({name, QString::fromStdString(value.get<std::string>())});
    }
}

// A 10×10 matrix of counts (the heat map's size: digits and Fashion-MNIST have ten classes).
bool confusionOf(const nlohmann::json& json, dashboard::ConfusionMatrixChart::Matrix& out) {
    if (!json.is_array() || json.size() != out.size()) return false;
    for (std::size_t r = 0; r < out.size(); ++r) {
        if (!json[r].is_array() || json[r].size() != out[r].size()) return false;
        for (std::size_t c = 0; c < out[r].size(); ++c) {
            if (!json[r][c].is_number_unsigned()) return false;
            out[r][c] = json[r][c].get<std::uint64_t>();
        }
    }
    return true;
}

QPixmap thumbnail(const QImage& image) {
    return thumbnailPixmap(image, kThumbnail);
}

} // namespace

RunResultsView::RunResultsView(JobRunner& runner, QWidget* parent)
    : QWidget(parent), runner_(runner), gallery_(std::make_unique<GalleryImages>()),
      stack_(new QStackedWidget(this)), empty_(new QLabel), metrics_(new QTableWidget(0, 2)),
      recall_(new NamedBarChart), confusion_(new dashboard::ConfusionMatrixChart),
      query_(new QLabel), grid_(newThumbnailGrid(kThumbnail)), image_(new QLabel),
      probabilities_(new NamedBarChart), compare_(new CompareView) {
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    stack_->addWidget(empty_);

    metrics_->setObjectName(QStringLiteral("metricsTable"));
    metrics_->verticalHeader()->hide();
    metrics_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    metrics_->horizontalHeader()->setStretchLastSection(true);
    metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    metrics_->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder); // Qt's default: down
    metrics_->setSortingEnabled(true);
    recall_->setObjectName(QStringLiteral("recallChart"));
    auto* metricsPage = new QWidget;
    auto* metricsLayout = new QHBoxLayout(metricsPage);
    metricsLayout->setContentsMargins(0, 0, 0, 0);
    metricsLayout->addWidget(metrics_, 1);
    charts_ = new QWidget;
    auto* charts = new QVBoxLayout(charts_);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(recall_, 1);
    confusion_->setObjectName(QStringLiteral("confusionChart"));
    confusion_->setRowNormalized(true);
    charts->addWidget(confusion_, 1);
    metricsLayout->addWidget(charts_, 1);
    stack_->addWidget(metricsPage);

    grid_->setObjectName(QStringLiteral("searchGrid"));
    connect(grid_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const QString file = gallery_->asFile(item->data(kPathRole).toString(),
                                              runner_.root() + QStringLiteral("/inputs"));
        if (!file.isEmpty()) emit searchByImage(file);
    });
    auto* searchPage = new QWidget;
    auto* searchLayout = new QVBoxLayout(searchPage);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->addWidget(query_);
    searchLayout->addWidget(grid_, 1);
    stack_->addWidget(searchPage);

    probabilities_->setObjectName(QStringLiteral("probabilityChart"));
    image_->setAlignment(Qt::AlignCenter);
    image_->setMinimumSize(kThumbnail * 2, kThumbnail * 2);
    auto* zeroPage = new QWidget;
    auto* zeroLayout = new QHBoxLayout(zeroPage);
    zeroLayout->setContentsMargins(0, 0, 0, 0);
    zeroLayout->addWidget(image_);
    zeroLayout->addWidget(probabilities_, 1);
    stack_->addWidget(zeroPage);
    stack_->addWidget(compare_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);
    connect(&runner_, &JobRunner::runChanged, this, [this](const QString& id) {
        if (id == runId_) showRun(id);
    });
    retranslate();
}

RunResultsView::~RunResultsView() = default;

QString RunResultsView::currentView() const {
    switch (stack_->currentIndex()) {
    case Metrics:
        return QStringLiteral("metrics");
    case Search:
        return QStringLiteral("search");
    case ZeroShot:
        return QStringLiteral("zeroshot");
    case Compare:
        return QStringLiteral("compare");
    default:
        return QStringLiteral("none");
    }
}

QString RunResultsView::metric(const QString& key) const {
    for (int row = 0; row < metrics_->rowCount(); ++row)
        if (metrics_->item(row, 0)->text() == key) return metrics_->item(row, 1)->text();
    return {};
}

void RunResultsView::showRun(const QString& id) {
    runId_ = id;
    const jobs::RunRecord* run = runner_.run(id);
    if (!run || !runner_.result(id)) {
        stack_->setCurrentIndex(Empty);
        retranslate();
        return;
    }
    if (run->spec.kind == jobs::JobKind::Search)
        showSearch(id);
    else if (run->spec.kind == jobs::JobKind::Compare)
        showCompare(id);
    else if (run->spec.kind == jobs::JobKind::ZeroShot && run->spec.option("dataset").empty())
        showZeroShot(id);
    else
        showMetrics(id);
}

void RunResultsView::showMetrics(const QString& id) {
    const auto result = runner_.result(id);
    QList<QPair<QString, QString>> rows;
    flatten(*result, QString(), rows);
    metrics_->setSortingEnabled(false);
    metrics_->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        metrics_->setItem(row, 0, new QTableWidgetItem(rows[row].first));
        metrics_->setItem(row, 1, new QTableWidgetItem(rows[row].second));
    }
    metrics_->setSortingEnabled(true);
    // Zero-shot runs report them at the top, Evaluate inside its "zeroshot" member.
    const auto member = [&](const char* name) -> const nlohmann::json* {
        if (const auto it = result->find(name); it != result->end()) return &*it;
        const auto zeroshot = result->find("zeroshot");
        if (zeroshot == result->end() || !zeroshot->is_object()) return nullptr;
        const auto it = zeroshot->find(name);
        return it == zeroshot->end() ? nullptr : &*it;
    };
    const nlohmann::json* recall = member("per_class_recall");
    const bool hasRecall = recall && recall->is_array();
    recall_->setVisible(hasRecall);
    if (hasRecall) {
        const QStringList names = datasetClassNames(runner_.run(id)->spec.option("dataset"));
        QVector<double> values;
        for (const auto& value : *recall)
            values.append(value.is_number() ? value.get<double>() : 0.0);
        recall_->setValues(names.mid(0, values.size()), values);
    }
    // A fine-tune: zero-shot top-1 of the base and the tuned model on the new data and on the
    // base's own (what it forgot), side by side.
    const jobs::RunRecord* run = runner_.run(id);
    if (run && run->spec.kind == jobs::JobKind::FineTune) {
        QStringList names;
        QVector<double> values;
        for (const char* side : {"target", "source"}) {
            const auto it = result->find(side);
            if (it == result->end() || !it->is_object()) continue;
            const QString data = QString::fromStdString(it->value("dataset", std::string()));
            names << tr("%1, base").arg(data) << tr("%1, tuned").arg(data);
            values << it->value("base_top1", 0.0) << it->value("tuned_top1", 0.0);
        }
        recall_->setVisible(!values.isEmpty());
        if (!values.isEmpty()) recall_->setValues(names, values);
        retranslate();
    }
    const nlohmann::json* counts = member("confusion");
    dashboard::ConfusionMatrixChart::Matrix matrix{};
    const bool hasConfusion = counts && confusionOf(*counts, matrix);
    confusion_->setVisible(hasConfusion);
    if (hasConfusion) confusion_->setCounts(matrix);
    charts_->setVisible(recall_->isVisibleTo(charts_) || hasConfusion);
    stack_->setCurrentIndex(Metrics);
}

void RunResultsView::showCompare(const QString& id) {
    // Which run made each model folder, and its settings, for names and "differences only".
    std::map<std::string, std::string> runOf;
    std::map<std::string, nlohmann::json> settings;
    for (const auto& run : runner_.runs()) {
        const QString out = runner_.outputDir(QString::fromStdString(run.id));
        if (out.isEmpty()) continue;
        runOf[out.toStdString()] = run.id;
        settings[run.id] = run.spec.options;
    }
    try {
        compare_->show(*runner_.result(id), runOf, settings);
    } catch (const std::exception&) {
        // A result in another shape still has every figure in the table.
        showMetrics(id);
        return;
    }
    stack_->setCurrentIndex(Compare);
}

void RunResultsView::showSearch(const QString& id) {
    const auto result = runner_.result(id);
    grid_->clear();
    const QLocale locale;
    const auto results = result->value("results", nlohmann::json::array());
    for (const auto& query : results) {
        query_->setText(
            tr("Query: %1").arg(QString::fromStdString(query.value("query", std::string()))));
        for (const auto& hit : query.value("images", nlohmann::json::array())) {
            const QString path = QString::fromStdString(hit.value("path", std::string()));
            QString text = locale.toString(hit.value("score", 0.0), 'f', 3);
            if (hit.contains("caption"))
                text += '\n' + QString::fromStdString(hit["caption"].get<std::string>());
            else if (hit.contains("label") && hit["label"].is_number_integer()) {
                const QStringList names = datasetClassNames(path.section('/', 0, 0).toStdString());
                const int label = hit["label"].get<int>();
                text += '\n' + (label >= 0 && label < names.size() ? names[label]
                                                                   : QString::number(label));
            }
            auto* item = new QListWidgetItem(QIcon(thumbnail(gallery_->image(path))), text, grid_);
            item->setData(kPathRole, path);
            item->setToolTip(path);
        }
    }
    stack_->setCurrentIndex(Search);
}

void RunResultsView::showZeroShot(const QString& id) {
    const jobs::RunRecord* run = runner_.run(id);
    QStringList classes;
    const auto it = run->spec.options.find("classes");
    if (it != run->spec.options.end() && it->is_array())
        for (const auto& name : *it)
            classes << QString::fromStdString(name.get<std::string>());
    // The predictions are events of the run (the result only counts them): the first image's.
    for (const StoredEvent& stored : runner_.events(id)) {
        if (stored.event.type != jobs::EventType::Prediction) continue;
        QVector<double> probs;
        for (const auto& p : stored.event.body.value("probs", nlohmann::json::array()))
            probs.append(p.is_number() ? p.get<double>() : 0.0);
        probabilities_->setValues(classes.mid(0, probs.size()), probs);
        const QString image =
            QString::fromStdString(stored.event.body.value("image", std::string()));
        image_->setPixmap(thumbnail(gallery_->image(image))
                              .scaled(kThumbnail * 2, kThumbnail * 2, Qt::KeepAspectRatio,
                                      Qt::FastTransformation));
        image_->setToolTip(image);
        break;
    }
    stack_->setCurrentIndex(ZeroShot);
}

void RunResultsView::retranslate() {
    const jobs::RunRecord* run = runner_.run(runId_);
    empty_->setText(!run               ? tr("Select a run in the history to see its results.")
                    : run->is_active() ? tr("The results appear when the run finishes.")
                                       : tr("This run left no result."));
    metrics_->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
    const bool tuned = run && run->spec.kind == jobs::JobKind::FineTune;
    recall_->setTitle(tuned ? tr("Zero-shot top-1, base and tuned") : tr("Per-class recall"));
    recall_->setValueLabel(tuned ? tr("top-1") : tr("recall"));
    probabilities_->setTitle(tr("Class probabilities"));
    probabilities_->setValueLabel(tr("probability"));
}

void RunResultsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::experiments
