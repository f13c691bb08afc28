#pragma once
#include "retrieval/matrix.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace liveml::retrieval {

// How equal scores are ordered when ranking a gallery. Both are deterministic.
enum class TieBreak {
    LowerIndexFirst, // equal scores ranked by gallery index (stable sort order)
    Pessimistic,     // a relevant item ranks after every item that scores the same
};

// Metrics over queries that each have one or more relevant gallery items. Ranks are 1-based.
struct RankingMetrics {
    std::size_t queries = 0;
    double recall_at_1 = 0, recall_at_5 = 0, recall_at_10 = 0; // hit: any relevant item in top k
    double precision_at_k = 0; // mean (relevant items in top k) / k, k = precision_k
    std::size_t precision_k = 10;
    double mrr = 0;        // mean 1 / rank of the first relevant item
    double map = 0;        // mean average precision over all relevant items
    double ndcg_at_10 = 0; // binary gains, log2 discount, ideal = all relevant first
    double mean_rank = 0;  // of the first relevant item
    double median_rank = 0;
};

// scores: [queries, gallery]; relevant[q]: gallery indices relevant to query q (non-empty,
// in range; throws std::invalid_argument otherwise).
RankingMetrics ranking_metrics(const Matrix& scores,
                               const std::vector<std::vector<std::size_t>>& relevant,
                               TieBreak ties = TieBreak::LowerIndexFirst,
                               std::size_t precision_k = 10);

// CLIP_benchmark retrieval over paired embeddings: text i describes image
// text_to_image[i] (several texts may share an image). Both sides are L2-normalised here.
// t2i: each text query, its one image relevant. i2t: each image query, all its texts relevant.
struct RetrievalReport {
    RankingMetrics text_to_image;
    RankingMetrics image_to_text;
};
RetrievalReport retrieval_report(Matrix text_embeddings, Matrix image_embeddings,
                                 const std::vector<std::size_t>& text_to_image,
                                 TieBreak ties = TieBreak::LowerIndexFirst);

// Zero-shot classification from logits [images, classes].
struct ZeroShotMetrics {
    double top1 = 0;
    double top5 = 0;                      // top-min(5, classes)
    double mean_per_class_recall = 0;     // mean over classes that occur in labels
    std::vector<double> per_class_recall; // NaN for classes absent from labels
    // Counts [actual][predicted]; the prediction is the highest logit, the lower class index
    // on a tie (whatever the TieBreak of the ranks above).
    std::vector<std::vector<std::uint64_t>> confusion;
};
ZeroShotMetrics zeroshot_metrics(const Matrix& logits, const std::vector<int>& labels,
                                 TieBreak ties = TieBreak::LowerIndexFirst);

// CLIP_benchmark zero-shot classifier: per class, normalise each template embedding, average,
// normalise again. template_embeddings rows ordered class-major ([class][template]).
Matrix zeroshot_classifier(Matrix template_embeddings, std::size_t classes);

} // namespace liveml::retrieval
