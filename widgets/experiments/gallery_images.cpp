#include "experiments/gallery_images.hpp"

#include <QDir>
#include <QFileInfo>

#include "datasets/builtin_datasets.hpp"

namespace liveml::experiments {

GalleryImages::GalleryImages() = default;
GalleryImages::~GalleryImages() = default;

const datasets::ImageClassDataset* GalleryImages::split(const QString& dataset,
                                                        const QString& split) {
    const QString key = dataset + '/' + split;
    if (const auto it = splits_.constFind(key); it != splits_.constEnd()) return it->get();
    const auto which =
        split == QLatin1String("train") ? datasets::Split::Train : datasets::Split::Test;
    std::shared_ptr<datasets::ImageClassDataset> loaded;
    try {
        if (dataset == QLatin1String("fashion-mnist"))
            loaded =
                std::make_shared<datasets::ImageClassDataset>(datasets::load_fashion_mnist(which));
        else if (dataset == QLatin1String("digits"))
            loaded = std::make_shared<datasets::ImageClassDataset>(datasets::load_digits(which));
    } catch (const std::exception&) {
        loaded.reset(); // shown as a missing thumbnail; the job itself reported its data
    }
    splits_.insert(key, loaded);
    return loaded.get();
}

QImage GalleryImages::image(const QString& path) {
    if (QFileInfo(path).isFile()) return QImage(path);
    const QStringList parts = path.split('/');
    bool ok = false;
    const qsizetype item = parts.size() == 3 ? parts[2].toLongLong(&ok) : -1;
    if (!ok || item < 0) return {};
    const datasets::ImageClassDataset* data = split(parts[0], parts[1]);
    if (!data || std::size_t(item) >= data->size()) return {};
    const auto pixels = data->image(std::size_t(item));
    QImage image(data->width, data->height, QImage::Format_Grayscale8);
    for (int y = 0; y < data->height; ++y)
        std::copy_n(pixels.data() + std::size_t(y) * std::size_t(data->width), data->width,
                    image.scanLine(y));
    return image;
}

QString GalleryImages::asFile(const QString& path, const QString& folder) {
    if (QFileInfo(path).isFile()) return path;
    const QImage picture = image(path);
    if (picture.isNull() || !QDir().mkpath(folder)) return {};
    const QString file = QStringLiteral("%1/%2.png").arg(folder, QString(path).replace('/', '-'));
    return picture.save(file) ? file : QString();
}

} // namespace liveml::experiments
