#pragma once
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>

#include <memory>

namespace liveml::objectstore {
class S3Client;
} // namespace liveml::objectstore

namespace liveml::experiments {

// Where an ingest run wrote its thumbnails when it read a bucket: the output bucket on the
// run's S3 endpoint, with the names of the environment variables holding the key pair (the
// run's own options; the keys themselves are read from the studio's environment).
struct S3ThumbnailSource {
    QString endpoint;
    QString bucket;
    QString accessKeyEnv;
    QString secretKeyEnv;
    bool valid() const { return !endpoint.isEmpty() && !bucket.isEmpty(); }
};

// Fetches thumbnails from an output bucket for the ingest monitor's grid. S3 calls block, so
// they run on a worker thread of this object's own, one at a time and once per key; a missing
// object, refused credentials or an unreadable image is an answer too (a null image and why).
// Lives on the GUI thread; ready() comes on it.
class S3Thumbnails : public QObject {
    Q_OBJECT
  public:
    explicit S3Thumbnails(S3ThumbnailSource source, QObject* parent = nullptr);
    ~S3Thumbnails() override; // waits for the request in flight

    // Asks for the object `key` of the bucket; a key asked before is not fetched again.
    void request(const QString& key);

  signals:
    void ready(const QString& key, const QImage& image, const QString& why);

  private:
    QImage fetch(const QString& key, QString& why); // worker thread

    S3ThumbnailSource source_;
    QThread thread_;
    QObject* worker_;                               // context object living on thread_
    std::unique_ptr<objectstore::S3Client> client_; // worker thread only, made on first use
    QSet<QString> asked_;
};

} // namespace liveml::experiments
