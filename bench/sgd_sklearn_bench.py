#!/usr/bin/python3
"""scikit-learn's side of bench/sgd_bench: times SGDClassifier on the benchmark stream.

Builds the stream (the digits in np.random.RandomState(seed).permutation order, repeated
`passes` times), writes it for the C++ side (int64 n, d; float64 X[n*d]; int64 y[n], all
little-endian, rows in stream order), then times
  - per sample: predict([x]) then partial_fit([x], [y]) -- the original pipeline's loop,
  - mini-batches: partial_fit on consecutive slices of --batch rows (shuffle=False),
and prints one JSON object with wall and CPU seconds and the prequential accuracy.
"""
import argparse
import gzip
import json
import time
import warnings

import numpy as np
from sklearn.linear_model import SGDClassifier


def load_stream(path, seed, passes):
    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",", dtype=np.float64)
    X, y = data[:, :-1], data[:, -1].astype(np.int64)
    order = np.tile(np.random.RandomState(seed).permutation(len(y)), passes)
    return np.ascontiguousarray(X[order]), y[order]


def make(args, shuffle):
    return SGDClassifier(loss="log_loss", penalty=args.penalty, alpha=args.alpha, shuffle=shuffle)


def per_sample(X, y, args):
    clf = make(args, shuffle=True)
    classes = np.arange(10)
    n = min(len(y), args.limit) if args.limit else len(y)
    correct = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for i in range(n):
        if i > 0:  # an unfitted estimator cannot predict; the C++ side counts the same way
            correct += int(clf.predict(X[i : i + 1])[0] == y[i])
        clf.partial_fit(X[i : i + 1], y[i : i + 1], classes=classes)
    return {
        "samples": n,
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu_start,
        "prequential_correct": correct,
    }


def mini_batch(X, y, args):
    clf = make(args, shuffle=False)
    classes = np.arange(10)
    start, cpu_start = time.perf_counter(), time.process_time()
    for a in range(0, len(y), args.batch):
        clf.partial_fit(X[a : a + args.batch], y[a : a + args.batch], classes=classes)
    return {
        "samples": len(y),
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu_start,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--stream-out", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--alpha", type=float, default=0.01)
    parser.add_argument("--penalty", default="l1")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--limit", type=int, default=0, help="cap the per-sample loop")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    X, y = load_stream(args.data, args.seed, args.passes)
    with open(args.stream_out, "wb") as f:
        f.write(np.asarray(X.shape, dtype="<i8").tobytes())
        f.write(X.astype("<f8").tobytes())
        f.write(y.astype("<i8").tobytes())
    import sklearn

    result = {
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "per_sample": per_sample(X, y, args),
        "mini_batch": mini_batch(X, y, args),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
