#pragma once
#include <QHash>
#include <QImage>
#include <QString>

#include <memory>

namespace liveml::datasets {
struct ImageClassDataset;
}

namespace liveml::experiments {

// The picture behind a search hit: an image file, or an item of a built-in split named
// "<dataset>/<split>/<i>" as `liveml clip index --dataset` names them (decoded from the
// same packaged files the job read; each split is loaded once).
class GalleryImages {
  public:
    GalleryImages();
    ~GalleryImages();
    // Null when the file or item cannot be read.
    QImage image(const QString& path);
    // A file the jobs can read for the same picture: the path itself, or the built-in item
    // written as PNG under `folder`. Empty on failure.
    QString asFile(const QString& path, const QString& folder);

  private:
    const datasets::ImageClassDataset* split(const QString& dataset, const QString& split);

    QHash<QString, std::shared_ptr<datasets::ImageClassDataset>> splits_;
};

} // namespace liveml::experiments
