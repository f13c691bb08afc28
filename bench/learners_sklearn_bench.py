#!/usr/bin/python3
"""scikit-learn's side of bench/learners_bench: per-sample predict + partial_fit loops.

Builds the digits stream exactly as sgd_sklearn_bench.py does (RandomState(seed).permutation,
repeated `passes` times) and writes it for the C++ side, then times scikit-learn's online
estimators on the first --limit records (one Python call per record costs ~1 ms, so the whole
stream would take minutes each): predict([x]) then partial_fit([x], [y]) per record, the
original pipeline's loop. Prints one JSON object: per estimator records, wall and CPU seconds,
prequential hits (the first record is not scored).
"""
import argparse
import json
import time
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import PassiveAggressiveClassifier, Perceptron, SGDClassifier
from sklearn.naive_bayes import GaussianNB
from sklearn.neural_network import MLPClassifier

from sgd_sklearn_bench import load_stream

ESTIMATORS = {
    "sgd_classifier": lambda: SGDClassifier(loss="log_loss", penalty="l1", alpha=0.01),
    "perceptron": lambda: Perceptron(),
    "passive_aggressive": lambda: PassiveAggressiveClassifier(),
    "gaussian_nb": lambda: GaussianNB(),
    # The nearest scikit-learn has to our mlp: one ReLU layer of 64, plain SGD.
    "mlp": lambda: MLPClassifier(hidden_layer_sizes=(64,), solver="sgd", learning_rate_init=0.001,
                                 momentum=0.0, random_state=1),
}


def per_sample(make, X, y, limit):
    clf = make()
    classes = np.arange(10)
    correct = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for i in range(limit):
        if i > 0:
            correct += int(clf.predict(X[i : i + 1])[0] == y[i])
        clf.partial_fit(X[i : i + 1], y[i : i + 1], classes=classes)
    return {
        "records": limit,
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu_start,
        "prequential_correct": correct,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--stream-out", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--passes", type=int, default=200)
    parser.add_argument("--limit", type=int, default=2000, help="records per estimator")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    X, y = load_stream(args.data, args.seed, args.passes)
    with open(args.stream_out, "wb") as f:
        f.write(np.asarray(X.shape, dtype="<i8").tobytes())
        f.write(X.astype("<f8").tobytes())
        f.write(y.astype("<i8").tobytes())
    limit = min(args.limit, len(y))
    result = {"sklearn_version": sklearn.__version__, "estimators": {}}
    for name, make in ESTIMATORS.items():
        result["estimators"][name] = per_sample(make, X, y, limit)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
