#include "stream/transactional_checkpointer.hpp"

#include <cstdint>
#include <thread>

#include "online/model_file.hpp"
#include "stream/snapshot_reader.hpp"

namespace liveml::stream {
namespace {

// One call to the broker's transaction coordinator; a broker that is away makes it return a
// retriable error after this long and we try again (until stop()).
constexpr int kCallTimeoutMs = 5000;
constexpr std::chrono::milliseconds kSnapshotReadTimeout{30000};

KafkaProperties transactional(const TransactionalCheckpointerOptions& options) {
    KafkaProperties all{{"enable.idempotence", "true"},
                        {"transactional.id", options.transactional_id},
                        // A broker outage shorter than this leaves the open transaction
                        // committable; a longer one makes the coordinator abort it (rolled back
                        // and retrained, still exactly once).
                        {"transaction.timeout.ms", "60000"}};
    all.insert(all.end(), options.producer_properties.begin(), options.producer_properties.end());
    return all;
}

// A newer producer with our transactional.id exists: we are the zombie.
bool fencing(rd_kafka_resp_err_t code) {
    return code == RD_KAFKA_RESP_ERR__FENCED || code == RD_KAFKA_RESP_ERR_PRODUCER_FENCED ||
           code == RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH;
}

bool fenced(rd_kafka_error_t* error) {
    return fencing(rd_kafka_error_code(error));
}

} // namespace

TransactionalCheckpointer::TransactionalCheckpointer(TransactionalCheckpointerOptions options,
                                                     RedisModelCopy copy, LogLine log)
    : options_(std::move(options)), producer_(transactional(options_)), copy_(std::move(copy)),
      log_(std::move(log)) {}

TransactionalCheckpointer::Step
TransactionalCheckpointer::retry(const char* what, const StopFlag& stop,
                                 const std::function<rd_kafka_error_t*()>& call) {
    bool warned = false;
    for (;;) {
        rd_kafka_error_t* error = call();
        if (!error) return Step::kDone;
        const std::string text = rd_kafka_error_string(error);
        const bool is_fenced = fenced(error);
        const bool is_fatal = rd_kafka_error_is_fatal(error);
        const bool needs_abort = rd_kafka_error_txn_requires_abort(error);
        rd_kafka_error_destroy(error);
        if (is_fenced)
            throw TakenOverError("another trainer with transactional.id " +
                                 options_.transactional_id +
                                 " (same model key) took over: " + text);
        if (is_fatal) throw KafkaError(std::string(what) + " failed: " + text);
        if (needs_abort) {
            log_(std::string(what) + " failed (" + text + "); aborting the transaction");
            return Step::kAbort;
        }
        if (!warned) log_(std::string(what) + " waits for Kafka (" + text + ")");
        warned = true;
        if (stop()) return Step::kRetry;
    }
}

bool TransactionalCheckpointer::load(const StopFlag& stop,
                                     std::map<std::string, ResumePoint>& found) {
    // Fencing first: the snapshot topic can hold an open transaction of a trainer we replace,
    // and read_committed reads stop before it until it is aborted.
    if (retry("init_transactions", stop, [&] {
            return rd_kafka_init_transactions(producer_.native_handle(), kCallTimeoutMs);
        }) != Step::kDone)
        return false;
    const auto& keys = copy_.model_keys();
    auto snapshots = read_latest_snapshots(options_.consumer_properties, options_.checkpoint_topic,
                                           keys, kSnapshotReadTimeout);
    if (!snapshots.contains(keys.front())) return copy_.load(stop, found);
    for (auto& [key, bytes] : snapshots) {
        const auto metadata = online::deserialize_learner(bytes).metadata;
        std::int64_t version = 0;
        if (const auto it = metadata.find("model_version"); it != metadata.end())
            version = std::stoll(it->second);
        found.insert_or_assign(
            key,
            ResumePoint{std::move(bytes), OffsetBook::from_metadata(copy_.source_topic(), metadata),
                        version, "Kafka topic " + options_.checkpoint_topic});
    }
    return true;
}

bool TransactionalCheckpointer::begin() {
    if (in_transaction_) return true;
    rd_kafka_error_t* error = rd_kafka_begin_transaction(producer_.native_handle());
    if (error) {
        const std::string text = rd_kafka_error_string(error);
        const bool is_fenced = fenced(error);
        rd_kafka_error_destroy(error);
        if (is_fenced) throw TakenOverError("fenced by another trainer: " + text);
        throw KafkaError("cannot begin a Kafka transaction: " + text);
    }
    in_transaction_ = true;
    return true;
}

bool TransactionalCheckpointer::send(std::string_view topic, std::string_view key,
                                     std::string_view value, const StopFlag& stop) {
    begin();
    return send_or_doom(topic, key, value, stop);
}

bool TransactionalCheckpointer::send_or_doom(std::string_view topic, std::string_view key,
                                             std::string_view value, const StopFlag& stop) {
    if (doomed_) return true;
    // A fenced producer refuses new records (or its queue never drains): say why it failed.
    try {
        return producer_.send(topic, key, value, [&] {
            throw_if_failed();
            return stop();
        });
    } catch (const TakenOverError&) {
        throw;
    } catch (const KafkaError& e) {
        throw_if_failed();
        if (e.code() != RD_KAFKA_RESP_ERR__STATE) throw;
        log_(std::string(e.what()) + "; the transaction is rolled back at the next checkpoint");
        doomed_ = true;
        return true;
    }
}

void TransactionalCheckpointer::throw_if_failed() {
    // Fencing shows on the next transactional call at the latest; between commits it shows
    // here first, so a replaced trainer stops within one pass instead of at its checkpoint.
    char reason[512];
    const auto err = rd_kafka_fatal_error(producer_.native_handle(), reason, sizeof reason);
    if (fencing(err))
        throw TakenOverError("another trainer with transactional.id " + options_.transactional_id +
                             " (same model key) took over: " + reason);
    if (err) throw KafkaError(std::string("the sink producer failed: ") + reason);
}

void TransactionalCheckpointer::poll() {
    producer_.poll();
    throw_if_failed();
    if (redis_pending_ && copy_.save(redis_pending_->models, redis_pending_->book))
        redis_pending_.reset();
}

bool TransactionalCheckpointer::abort(const StopFlag& stop) {
    const auto step = retry("abort_transaction", stop, [&] {
        return rd_kafka_abort_transaction(producer_.native_handle(), kCallTimeoutMs);
    });
    if (step == Step::kDone) in_transaction_ = doomed_ = false;
    return step == Step::kDone;
}

CommitResult TransactionalCheckpointer::commit(const std::vector<ModelSnapshot>& models,
                                               const OffsetBook& book, SourceConsumer& consumer,
                                               std::int64_t& version, const StopFlag& stop) {
    begin();
    for (const auto& model : models)
        if (!send_or_doom(options_.checkpoint_topic, model.key, model.model_bytes, stop) || doomed_)
            return abort(stop) ? CommitResult::kRolledBack : CommitResult::kPostponed;
    rd_kafka_topic_partition_list_t* offsets = consumer.assigned_positions();
    Step step = Step::kDone;
    if (offsets->cnt > 0) {
        rd_kafka_consumer_group_metadata_t* group =
            rd_kafka_consumer_group_metadata(consumer.handle());
        step = retry("send_offsets_to_transaction", stop, [&] {
            return rd_kafka_send_offsets_to_transaction(producer_.native_handle(), offsets, group,
                                                        kCallTimeoutMs);
        });
        rd_kafka_consumer_group_metadata_destroy(group);
    }
    rd_kafka_topic_partition_list_destroy(offsets);
    if (step == Step::kDone)
        step = retry("commit_transaction", stop, [&] {
            return rd_kafka_commit_transaction(producer_.native_handle(), kCallTimeoutMs);
        });
    if (step == Step::kAbort)
        return abort(stop) ? CommitResult::kRolledBack : CommitResult::kPostponed;
    if (step == Step::kRetry) return CommitResult::kPostponed; // stopping: the next start aborts
    in_transaction_ = false;
    ++version;
    redis_pending_ = Pending{models, book};
    poll();
    return CommitResult::kCommitted;
}

} // namespace liveml::stream
