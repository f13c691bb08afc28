#include "retrieval/ranking_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace liveml::retrieval {
namespace {

// 1-based positions of the relevant items in the ranked gallery, ascending. Computed by
// counting instead of sorting: an item's position is 1 + the items ranked before it.
std::vector<std::size_t> relevant_positions(std::span<const float> scores,
                                            const std::vector<std::size_t>& relevant,
                                            TieBreak ties) {
    std::vector<char> is_relevant(scores.size(), 0);
    for (auto r : relevant)
        is_relevant[r] = 1;
    std::vector<std::size_t> positions;
    positions.reserve(relevant.size());
    for (auto r : relevant) {
        const float s = scores[r];
        std::size_t before = 0;
        for (std::size_t j = 0; j < scores.size(); ++j) {
            if (j == r) continue;
            if (scores[j] > s) {
                ++before;
            } else if (scores[j] == s) {
                // Equal scores: by index, except that pessimistic puts every irrelevant item
                // first. Relevant items among themselves stay in index order so positions
                // remain distinct.
                const bool earlier = j < r;
                if (ties == TieBreak::LowerIndexFirst ? earlier : (!is_relevant[j] || earlier))
                    ++before;
            }
        }
        positions.push_back(before + 1);
    }
    std::sort(positions.begin(), positions.end());
    return positions;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

RankingMetrics ranking_metrics(const Matrix& scores,
                               const std::vector<std::vector<std::size_t>>& relevant, TieBreak ties,
                               std::size_t precision_k) {
    if (relevant.size() != scores.rows)
        throw std::invalid_argument("ranking_metrics: " + std::to_string(scores.rows) +
                                    " queries but " + std::to_string(relevant.size()) +
                                    " relevance lists");
    if (precision_k == 0) throw std::invalid_argument("ranking_metrics: precision_k must be > 0");
    RankingMetrics m;
    m.queries = scores.rows;
    m.precision_k = precision_k;
    if (scores.rows == 0) return m;
    std::vector<double> first_ranks;
    first_ranks.reserve(scores.rows);
    for (std::size_t q = 0; q < scores.rows; ++q) {
        const auto& rel = relevant[q];
        if (rel.empty())
            throw std::invalid_argument("ranking_metrics: query " + std::to_string(q) +
                                        " has no relevant item");
        for (auto r : rel)
            if (r >= scores.cols)
                throw std::invalid_argument("ranking_metrics: relevant index " + std::to_string(r) +
                                            " outside the gallery of " +
                                            std::to_string(scores.cols));
        auto unique = rel;
        std::sort(unique.begin(), unique.end());
        unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
        const auto pos = relevant_positions(scores.row(q), unique, ties);

        const auto first = static_cast<double>(pos.front());
        first_ranks.push_back(first);
        m.recall_at_1 += first <= 1;
        m.recall_at_5 += first <= 5;
        m.recall_at_10 += first <= 10;
        m.mrr += 1.0 / first;
        double ap = 0, dcg = 0, ideal = 0;
        std::size_t in_top_k = 0;
        for (std::size_t i = 0; i < pos.size(); ++i) {
            ap += static_cast<double>(i + 1) / static_cast<double>(pos[i]);
            if (pos[i] <= precision_k) ++in_top_k;
            if (pos[i] <= 10) dcg += 1.0 / std::log2(static_cast<double>(pos[i]) + 1.0);
            if (i < 10) ideal += 1.0 / std::log2(static_cast<double>(i) + 2.0);
        }
        m.map += ap / static_cast<double>(pos.size());
        m.ndcg_at_10 += dcg / ideal;
        m.precision_at_k += static_cast<double>(in_top_k) / static_cast<double>(precision_k);
        m.mean_rank += first;
    }
    const auto n = static_cast<double>(scores.rows);
    for (double* v : {&m.recall_at_1, &m.recall_at_5, &m.recall_at_10, &m.mrr, &m.map,
                      &m.ndcg_at_10, &m.precision_at_k, &m.mean_rank})
        *v /= n;
    m.median_rank = median(std::move(first_ranks));
    return m;
}

RetrievalReport retrieval_report(Matrix text_embeddings, Matrix image_embeddings,
                                 const std::vector<std::size_t>& text_to_image, TieBreak ties) {
    if (text_to_image.size() != text_embeddings.rows)
        throw std::invalid_argument("retrieval_report: one image index per text is required");
    normalize_rows(text_embeddings);
    normalize_rows(image_embeddings);
    const Matrix t2i = matmul_transposed(text_embeddings, image_embeddings);

    std::vector<std::vector<std::size_t>> image_of_text(text_to_image.size());
    std::vector<std::vector<std::size_t>> texts_of_image(image_embeddings.rows);
    for (std::size_t t = 0; t < text_to_image.size(); ++t) {
        if (text_to_image[t] >= image_embeddings.rows)
            throw std::invalid_argument("retrieval_report: text " + std::to_string(t) +
                                        " points past the last image");
        image_of_text[t] = {text_to_image[t]};
        texts_of_image[text_to_image[t]].push_back(t);
    }
    // Images nobody describes cannot be scored as queries; they stay in the t2i gallery.
    std::vector<std::size_t> queried;
    for (std::size_t i = 0; i < texts_of_image.size(); ++i)
        if (!texts_of_image[i].empty()) queried.push_back(i);
    Matrix i2t{queried.size(), text_embeddings.rows, {}};
    i2t.data.resize(i2t.rows * i2t.cols);
    std::vector<std::vector<std::size_t>> relevant;
    for (std::size_t q = 0; q < queried.size(); ++q) {
        for (std::size_t t = 0; t < t2i.rows; ++t)
            i2t.data[q * i2t.cols + t] = t2i.data[t * t2i.cols + queried[q]];
        relevant.push_back(texts_of_image[queried[q]]);
    }
    return {ranking_metrics(t2i, image_of_text, ties), ranking_metrics(i2t, relevant, ties)};
}

ZeroShotMetrics zeroshot_metrics(const Matrix& logits, const std::vector<int>& labels,
                                 TieBreak ties) {
    if (labels.size() != logits.rows)
        throw std::invalid_argument("zeroshot_metrics: one label per image is required");
    ZeroShotMetrics m;
    const std::size_t classes = logits.cols;
    std::vector<std::size_t> hits(classes, 0), totals(classes, 0);
    const std::size_t top = std::min<std::size_t>(5, classes);
    m.confusion.assign(classes, std::vector<std::uint64_t>(classes, 0));
    for (std::size_t i = 0; i < logits.rows; ++i) {
        if (labels[i] < 0 || static_cast<std::size_t>(labels[i]) >= classes)
            throw std::invalid_argument("zeroshot_metrics: label " + std::to_string(labels[i]) +
                                        " outside 0.." + std::to_string(classes - 1));
        const auto label = static_cast<std::size_t>(labels[i]);
        const auto rank = relevant_positions(logits.row(i), {label}, ties).front();
        m.top1 += rank == 1;
        m.top5 += rank <= top;
        ++totals[label];
        hits[label] += rank == 1;
        const auto row = logits.row(i);
        ++m.confusion[label][static_cast<std::size_t>(std::max_element(row.begin(), row.end()) -
                                                      row.begin())];
    }
    if (logits.rows > 0) {
        m.top1 /= static_cast<double>(logits.rows);
        m.top5 /= static_cast<double>(logits.rows);
    }
    m.per_class_recall.assign(classes, std::numeric_limits<double>::quiet_NaN());
    std::size_t present = 0;
    for (std::size_t c = 0; c < classes; ++c) {
        if (totals[c] == 0) continue;
        m.per_class_recall[c] = static_cast<double>(hits[c]) / static_cast<double>(totals[c]);
        m.mean_per_class_recall += m.per_class_recall[c];
        ++present;
    }
    if (present) m.mean_per_class_recall /= static_cast<double>(present);
    return m;
}

Matrix zeroshot_classifier(Matrix template_embeddings, std::size_t classes) {
    if (classes == 0 || template_embeddings.rows % classes != 0)
        throw std::invalid_argument("zeroshot_classifier: rows must be classes × templates");
    const std::size_t templates = template_embeddings.rows / classes;
    normalize_rows(template_embeddings);
    Matrix out{classes, template_embeddings.cols,
               std::vector<float>(classes * template_embeddings.cols, 0.0f)};
    for (std::size_t c = 0; c < classes; ++c) {
        auto dst = out.row(c);
        for (std::size_t t = 0; t < templates; ++t) {
            const auto src = template_embeddings.row(c * templates + t);
            for (std::size_t k = 0; k < dst.size(); ++k)
                dst[k] += src[k] / static_cast<float>(templates);
        }
    }
    normalize_rows(out);
    return out;
}

} // namespace liveml::retrieval
