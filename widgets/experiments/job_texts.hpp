#pragma once
#include <QString>
#include <QStringList>

#include <string>

#include "jobs/run_record.hpp"

namespace liveml::experiments {

// The words the page shows for core/jobs names, translated (context "JobTexts").
QString kindText(jobs::JobKind kind);
QString statusText(jobs::RunStatus status);
// "final loss 0.412", "top-1 0.9045", "360 images indexed", …
QString headlineText(const jobs::Headline& headline);
// Class names of a built-in dataset ("digits": zero … nine; else Fashion-MNIST's), in label
// order: the jobs' own names, not translated (they are the prompts the model was trained on).
QStringList datasetClassNames(const std::string& dataset);
// A model or index option as the history shows it: the run that made it, else the folder.
QString modelText(const QString& path);

} // namespace liveml::experiments
