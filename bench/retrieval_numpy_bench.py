#!/usr/bin/python3
"""The Python side of bench/bench_retrieval_latency: top-k inner-product search of one query at
a time against SIZE random unit vectors, timed like the C++ side (up to QUERIES queries, no
longer than SECONDS per method, at least 5).

usage: retrieval_numpy_bench.py SIZE DIM QUERIES SECONDS K
prints one JSON object per line and method: numpy brute force (matrix-vector product, then
argpartition), and FAISS Flat IP through python3-faiss when it is installed.
"""
import json
import sys
import time

import numpy as np

MIN_QUERIES = 5


def unit_rows(rng, rows, dim):
    x = rng.standard_normal((rows, dim), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def numpy_top_k(gallery, query, k):
    scores = gallery @ query
    top = np.argpartition(-scores, k - 1)[:k]
    return top[np.argsort(-scores[top], kind="stable")]


def timed(queries, seconds, fn):
    latencies = []
    start = time.perf_counter()
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        latencies.append((time.perf_counter() - t0) * 1e3)
        if len(latencies) >= MIN_QUERIES and time.perf_counter() - start > seconds:
            break
    wall = time.perf_counter() - start
    p50, p95 = np.percentile(latencies, [50, 95])
    return {"queries": len(latencies), "p50_ms": p50, "p95_ms": p95, "qps": len(latencies) / wall}


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    size, dim, n_queries = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    seconds, k = float(sys.argv[4]), int(sys.argv[5])
    if min(size, dim, k) <= 0 or n_queries < MIN_QUERIES or seconds <= 0:
        sys.exit("SIZE, DIM and K must be positive, QUERIES at least 5, SECONDS > 0")
    k = min(k, size)
    rng = np.random.default_rng(1)
    queries = unit_rows(rng, n_queries, dim)
    gallery = unit_rows(rng, size, dim)
    row = timed(queries, seconds, lambda q: numpy_top_k(gallery, q, k))
    print(json.dumps({"method": "numpy brute force", "recall": "1 (exact)", "build_s": 0, **row}))
    try:
        import faiss
    except ImportError:
        return
    start = time.perf_counter()
    index = faiss.IndexFlatIP(dim)
    index.add(gallery)
    build_s = time.perf_counter() - start
    row = timed(queries, seconds, lambda q: index.search(q.reshape(1, -1), k))
    print(json.dumps({"method": "faiss Flat IP", "recall": "1 (exact)", "build_s": build_s, **row}))


if __name__ == "__main__":
    main()
