#!/usr/bin/python3
"""Reference runs of scikit-learn's SGDClassifier.partial_fit for the C++ parity test.

Reads a JSON list of runs, trains scikit-learn on a seeded stream of the digits data for
each, and writes one little-endian binary file per run (layout below) holding the stream it
used and the model at regular checkpoints, with predictions and probabilities for every
digit. The C++ test replays the same stream through SgdClassifier and compares.

Run fields: name, loss ("log"|"hinge"), penalty, alpha, seed, passes, limit (stream length
cap, 0 = none), batch (0 = one partial_fit per sample, else mini-batches of this size with
shuffle=False), classes (list, or null for all ten), checkpoint_every (samples).

File layout (int64 = '<i8', float64 = '<f8'):
  int64 rows, n_features, n_eval, n_stream, n_checkpoints, has_proba, n_classes
  float64 X[n_eval * n_features]   every digit of the file, in file order
  int64 y[n_eval]
  int64 stream[n_stream]           row indices into X, in training order
  int64 classes[n_classes]
  per checkpoint:
    int64 samples_seen; float64 t_
    float64 coef[rows * n_features]; float64 intercept[rows]
    int64 predict[n_eval]            for every row of X
    float64 proba[n_eval * n_classes] (only when has_proba)
"""
import argparse
import gzip
import json
import os
import warnings

import numpy as np
from sklearn.linear_model import SGDClassifier

SKLEARN_LOSS = {"log": "log_loss", "hinge": "hinge"}


def load_digits_csv(path):
    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",", dtype=np.float64)
    return data[:, :-1], data[:, -1].astype(np.int64)


def stream_order(y, run):
    """Row indices in training order: one fresh permutation per pass from RandomState(seed)."""
    classes = run.get("classes")
    pool = np.arange(len(y)) if classes is None else np.flatnonzero(np.isin(y, classes))
    rng = np.random.RandomState(run["seed"])
    order = np.concatenate([pool[rng.permutation(len(pool))] for _ in range(run["passes"])])
    return order[: run["limit"]] if run["limit"] else order


def train(X, y, run, out):
    order = stream_order(y, run)
    classes = np.array(run.get("classes") or list(range(10)), dtype=np.int64)
    batch = run["batch"]
    clf = SGDClassifier(
        loss=SKLEARN_LOSS[run["loss"]],
        penalty=run["penalty"] if run["penalty"] != "none" else None,
        alpha=run["alpha"],
        # Mini-batch parity is defined against an unshuffled epoch; a single sample is
        # unaffected by shuffling, so per-sample runs keep scikit-learn's default.
        shuffle=batch == 0,
    )
    step = batch or 1
    has_proba = run["loss"] == "log"
    checkpoints = []
    every = run["checkpoint_every"]
    next_checkpoint = every
    for start in range(0, len(order), step):
        idx = order[start : start + step]
        clf.partial_fit(X[idx], y[idx], classes=classes)
        seen = start + len(idx)
        if seen >= next_checkpoint or seen == len(order):
            next_checkpoint = seen - seen % every + every
            checkpoints.append(snapshot(clf, X, seen, has_proba))

    rows, n_features = clf.coef_.shape
    header = [rows, n_features, len(X), len(order), len(checkpoints), int(has_proba), len(classes)]
    out.write(np.asarray(header, dtype="<i8").tobytes())
    out.write(X.astype("<f8").tobytes())
    out.write(y.astype("<i8").tobytes())
    out.write(order.astype("<i8").tobytes())
    out.write(classes.astype("<i8").tobytes())
    for chunk in checkpoints:
        out.write(chunk)


def snapshot(clf, X, seen, has_proba):
    parts = [
        np.asarray([seen], dtype="<i8").tobytes(),
        np.asarray([clf.t_], dtype="<f8").tobytes(),
        clf.coef_.astype("<f8").tobytes(),
        clf.intercept_.astype("<f8").tobytes(),
        clf.predict(X).astype("<i8").tobytes(),
    ]
    if has_proba:
        parts.append(clf.predict_proba(X).astype("<f8").tobytes())
    return b"".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="digits.csv.gz")
    parser.add_argument("--spec", required=True, help="JSON list of runs")
    parser.add_argument("--out", required=True, help="directory for <name>.bin files")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    X, y = load_digits_csv(args.data)
    with open(args.spec) as f:
        runs = json.load(f)
    os.makedirs(args.out, exist_ok=True)
    for run in runs:
        with open(os.path.join(args.out, run["name"] + ".bin"), "wb") as out:
            train(X, y, run, out)


if __name__ == "__main__":
    main()
