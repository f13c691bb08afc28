#include "experiments/s3_thumbnails.hpp"

#include "objectstore/s3_client.hpp"
#include "objectstore/s3_credentials.hpp"

#include <cstdint>
#include <exception>

namespace liveml::experiments {
namespace {

// A thumbnail is a few kB; anything this large is not one and is not read into memory.
constexpr std::uint64_t kMaxThumbnailBytes = 8u << 20;

} // namespace

S3Thumbnails::S3Thumbnails(S3ThumbnailSource source, QObject* parent)
    : QObject(parent), source_(std::move(source)), worker_(new QObject) {
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
}

S3Thumbnails::~S3Thumbnails() {
    thread_.quit();
    thread_.wait();
}

void S3Thumbnails::request(const QString& key) {
    if (key.isEmpty() || asked_.contains(key)) return;
    asked_.insert(key);
    QMetaObject::invokeMethod(worker_, [this, key] {
        QString why;
        const QImage image = fetch(key, why);
        QMetaObject::invokeMethod(
            this, [this, key, image, why] { emit ready(key, image, why); }, Qt::QueuedConnection);
    });
}

QImage S3Thumbnails::fetch(const QString& key, QString& why) {
    try {
        if (!client_) {
            // Credentials are read here, not kept in settings or shown: only their names are.
            // Unnamed variables: the ingest job's defaults.
            const auto name = [](const QString& var, const char* fallback) {
                return var.isEmpty() ? std::string(fallback) : var.toStdString();
            };
            client_ = std::make_unique<objectstore::S3Client>(
                objectstore::parse_endpoint(source_.endpoint.toStdString()),
                objectstore::credentials_from_env(
                    name(source_.accessKeyEnv, "AWS_ACCESS_KEY_ID"),
                    name(source_.secretKeyEnv, "AWS_SECRET_ACCESS_KEY")));
        }
        const auto object = client_->get_object(source_.bucket.toStdString(), key.toStdString(),
                                                kMaxThumbnailBytes);
        QImage image = QImage::fromData(reinterpret_cast<const uchar*>(object.bytes.data()),
                                        int(object.bytes.size()));
        if (image.isNull()) why = tr("not an image");
        return image;
    } catch (const std::exception& e) {
        why = QString::fromStdString(e.what());
        return {};
    }
}

} // namespace liveml::experiments
