"""Reference for test_cli_sklearn: trains scikit-learn's SGDClassifier on a JSON-lines file the
way `liveml fit` does (one partial_fit per record, file order) and prints coef_, intercept_ and
t_ as JSON (Python's repr of a float is exact)."""
import json
import sys
import warnings

import numpy as np
from sklearn.linear_model import SGDClassifier

path, loss, penalty, alpha, passes = sys.argv[1:6]
records = [json.loads(line) for line in open(path) if line.strip()]
X = np.array([r["x"] for r in records], dtype=np.float64)
y = np.array([r["actual_y"] for r in records])

clf = SGDClassifier(loss=loss, penalty=None if penalty == "none" else penalty, alpha=float(alpha))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for _ in range(int(passes)):
        for i in range(len(y)):
            clf.partial_fit(X[i : i + 1], y[i : i + 1], classes=np.arange(10))

json.dump({"coef": clf.coef_.tolist(), "intercept": clf.intercept_.tolist(), "t": clf.t_},
          sys.stdout)
