"""Sends labelled digits as the original data_producer.py did: kafka-python's KafkaProducer
with a JSON value serializer. Data: scikit-learn's bundled digits (no network).

usage: kafka_python_producer.py BOOTSTRAP TOPIC COUNT
"""
import datetime
import json
import sys

from kafka import KafkaProducer
from sklearn.datasets import load_digits


def main():
    bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    digits = load_digits()
    producer = KafkaProducer(bootstrap_servers=bootstrap,
                             value_serializer=lambda v: json.dumps(v).encode("utf-8"))
    for i in range(count):
        row = i % len(digits.target)
        producer.send(topic, {
            "ts": datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S"),
            "x": [int(v) for v in digits.data[row]],
            "actual_y": int(digits.target[row]),
        })
    producer.flush(timeout=30)
    producer.close()
    print(f"sent={count}")


if __name__ == "__main__":
    main()
