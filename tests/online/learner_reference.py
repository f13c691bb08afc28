#!/usr/bin/python3
"""Reference runs of scikit-learn's Perceptron, PassiveAggressiveClassifier and GaussianNB
partial_fit for the C++ parity test (tests/online/test_learner_parity.cpp).

Same input and file layout as sgd_reference.py (the stream, then the model at checkpoints
with predictions for every digit), with run field "estimator" ("perceptron", "pa" or "gnb")
and "step" (Perceptron's eta0, PA's C; unused for gnb). What the checkpoint fields hold:
  perceptron, pa: coef_, intercept_, t_ as for SGD; has_proba = 0.
  gnb: coef = theta_ then var_ (rows = 2 * n_classes), intercept = class_count_ then
       class_prior_, t_ = epsilon_; has_proba = 1.
"""
import argparse
import json
import os
import warnings

import numpy as np
from sklearn.linear_model import PassiveAggressiveClassifier, Perceptron
from sklearn.naive_bayes import GaussianNB

from sgd_reference import load_digits_csv, stream_order


def make(run):
    if run["estimator"] == "perceptron":
        return Perceptron(eta0=run["step"], shuffle=False)
    if run["estimator"] == "pa":
        return PassiveAggressiveClassifier(C=run["step"], shuffle=False)
    return GaussianNB()


def snapshot(clf, X, seen, gnb):
    if gnb:
        coef = np.vstack([clf.theta_, clf.var_])
        intercept = np.concatenate([clf.class_count_, clf.class_prior_])
        t = clf.epsilon_
    else:
        coef, intercept, t = clf.coef_, clf.intercept_, clf.t_
    parts = [
        np.asarray([seen], dtype="<i8").tobytes(),
        np.asarray([t], dtype="<f8").tobytes(),
        coef.astype("<f8").tobytes(),
        intercept.astype("<f8").tobytes(),
        clf.predict(X).astype("<i8").tobytes(),
    ]
    if gnb:
        parts.append(clf.predict_proba(X).astype("<f8").tobytes())
    return b"".join(parts), coef.shape[0]


def train(X, y, run, out):
    order = stream_order(y, run)
    classes = np.array(run.get("classes") or list(range(10)), dtype=np.int64)
    clf = make(run)
    gnb = run["estimator"] == "gnb"
    step = run["batch"] or 1
    checkpoints = []
    every = run["checkpoint_every"]
    next_checkpoint = every
    rows = 0
    for start in range(0, len(order), step):
        idx = order[start : start + step]
        clf.partial_fit(X[idx], y[idx], classes=classes)
        seen = start + len(idx)
        if seen >= next_checkpoint or seen == len(order):
            next_checkpoint = seen - seen % every + every
            chunk, rows = snapshot(clf, X, seen, gnb)
            checkpoints.append(chunk)
    header = [rows, X.shape[1], len(X), len(order), len(checkpoints), int(gnb), len(classes)]
    out.write(np.asarray(header, dtype="<i8").tobytes())
    out.write(X.astype("<f8").tobytes())
    out.write(y.astype("<i8").tobytes())
    out.write(order.astype("<i8").tobytes())
    out.write(classes.astype("<i8").tobytes())
    for chunk in checkpoints:
        out.write(chunk)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="digits.csv.gz")
    parser.add_argument("--spec", required=True, help="JSON list of runs")
    parser.add_argument("--out", required=True, help="directory for <name>.bin files")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    X, y = load_digits_csv(args.data)
    with open(args.spec) as f:
        runs = json.load(f)
    os.makedirs(args.out, exist_ok=True)
    for run in runs:
        with open(os.path.join(args.out, run["name"] + ".bin"), "wb") as out:
            train(X, y, run, out)


if __name__ == "__main__":
    main()
