#!/usr/bin/python3
"""The reference for bench/stream_bench: the original PyFlink job's per-record Python UDF,
without Flink around it -- json.loads the source record, partial_fit on the one sample, predict
it, json.dumps the sink record. Prints one JSON object: records and seconds.

usage: stream_sklearn_udf.py RECORDS.jsonl
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.linear_model import SGDClassifier


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    clf = SGDClassifier(alpha=0.01, loss="log_loss", penalty="l1")
    classes = np.arange(10)
    warnings.simplefilter("ignore")
    start = time.perf_counter()
    for line in lines:
        record = json.loads(line)
        x = np.array([record["x"]], dtype=np.float64)
        clf.partial_fit(x, [record["actual_y"]], classes=classes)
        predicted = int(clf.predict(x)[0])
        json.dumps({"x": record["x"], "actual_y": record["actual_y"], "predict_y": predicted})
    print(json.dumps({"records": len(lines), "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
