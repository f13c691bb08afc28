#include "streamui/liveml_binary.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace liveml::streamui {

namespace {
constexpr int kBuildTreeDepth = 4; // app/studio, tests/gui/streamui, … below the build root

bool isExecutable(const QString& path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}
} // namespace

QString findLivemlBinary() {
    const QString fromEnv = qEnvironmentVariable("LIVEML_CLI");
    if (!fromEnv.isEmpty())
        return isExecutable(fromEnv) ? QFileInfo(fromEnv).absoluteFilePath() : QString();
    QDir dir(QCoreApplication::applicationDirPath());
    if (isExecutable(dir.filePath(QStringLiteral("liveml"))))
        return dir.filePath(QStringLiteral("liveml"));
    for (int depth = 0; depth < kBuildTreeDepth && dir.cdUp(); ++depth) {
        const QString candidate = dir.filePath(QStringLiteral("app/cli/liveml"));
        if (isExecutable(candidate)) return QFileInfo(candidate).absoluteFilePath();
        const QString sibling = dir.filePath(QStringLiteral("cli/liveml"));
        if (isExecutable(sibling)) return QFileInfo(sibling).absoluteFilePath();
    }
    return {};
}

} // namespace liveml::streamui
