#include "experiments/job_texts.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include "datasets/builtin_datasets.hpp"

namespace liveml::experiments {

QString kindText(jobs::JobKind kind) {
    switch (kind) {
    case jobs::JobKind::Train:
        return QCoreApplication::translate("JobTexts", "Train teacher");
    case jobs::JobKind::Distill:
        return QCoreApplication::translate("JobTexts", "Distill student");
    case jobs::JobKind::FineTune:
        return QCoreApplication::translate("JobTexts", "Fine-tune (LoRA)");
    case jobs::JobKind::Index:
        return QCoreApplication::translate("JobTexts", "Build index");
    case jobs::JobKind::Search:
        return QCoreApplication::translate("JobTexts", "Search");
    case jobs::JobKind::ZeroShot:
        return QCoreApplication::translate("JobTexts", "Zero-shot");
    case jobs::JobKind::Evaluate:
        return QCoreApplication::translate("JobTexts", "Evaluate");
    case jobs::JobKind::Compare:
        return QCoreApplication::translate("JobTexts", "Compare");
    case jobs::JobKind::Ingest:
        return QCoreApplication::translate("JobTexts", "Ingest images");
    }
    return {};
}

QString statusText(jobs::RunStatus status) {
    switch (status) {
    case jobs::RunStatus::Queued:
        return QCoreApplication::translate("JobTexts", "queued");
    case jobs::RunStatus::Running:
        return QCoreApplication::translate("JobTexts", "running");
    case jobs::RunStatus::Done:
        return QCoreApplication::translate("JobTexts", "done");
    case jobs::RunStatus::Stopped:
        return QCoreApplication::translate("JobTexts", "stopped");
    case jobs::RunStatus::Failed:
        return QCoreApplication::translate("JobTexts", "failed");
    }
    return {};
}

QString headlineText(const jobs::Headline& headline) {
    const QLocale locale;
    const QString& metric = QString::fromStdString(headline.metric);
    if (metric == QLatin1String("final_loss"))
        return QCoreApplication::translate("JobTexts", "final loss %1")
            .arg(locale.toString(headline.value, 'f', 3));
    if (metric == QLatin1String("top1"))
        return QCoreApplication::translate("JobTexts", "top-1 %1")
            .arg(locale.toString(headline.value, 'f', 4));
    const int count = int(headline.value);
    if (metric == QLatin1String("size"))
        return QCoreApplication::translate("JobTexts", "%n image(s) indexed", nullptr, count);
    if (metric == QLatin1String("images"))
        return QCoreApplication::translate("JobTexts", "%n image(s) classified", nullptr, count);
    if (metric == QLatin1String("results"))
        return QCoreApplication::translate("JobTexts", "%n query(s) answered", nullptr, count);
    if (metric == QLatin1String("models"))
        return QCoreApplication::translate("JobTexts", "%n model(s) compared", nullptr, count);
    return locale.toString(headline.value);
}

QStringList datasetClassNames(const std::string& dataset) {
    QStringList names;
    const auto add = [&names](const auto& list) {
        for (std::string_view name : list)
            names << QString::fromUtf8(name.data(), qsizetype(name.size()));
    };
    if (dataset == "digits")
        add(datasets::digit_classes());
    else
        add(datasets::fashion_mnist_classes());
    return names;
}

QString modelText(const QString& path) {
    if (path.isEmpty()) return {};
    const QFileInfo info(path);
    // A run's <run id>/model or <run id>/index: the run names it.
    if (info.fileName() == QLatin1String("model") || info.fileName() == QLatin1String("index"))
        return info.dir().dirName();
    return info.fileName().isEmpty() ? path : info.fileName();
}

} // namespace liveml::experiments
