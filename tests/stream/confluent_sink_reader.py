"""Reads the sink topic with confluent-kafka and prints how many well-formed prediction
records it holds: {"x": [64 ints], "actual_y": int, "predict_y": int}.

usage: confluent_sink_reader.py BOOTSTRAP TOPIC EXPECTED TIMEOUT_S
"""
import json
import sys
import time

from confluent_kafka import Consumer


def main():
    bootstrap, topic = sys.argv[1], sys.argv[2]
    expected, timeout = int(sys.argv[3]), float(sys.argv[4])
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "confluent-sink-reader",
                         "auto.offset.reset": "earliest", "enable.auto.commit": False,
                         "session.timeout.ms": 6000, "fetch.wait.max.ms": 10})
    consumer.subscribe([topic])
    good = bad = 0
    deadline = time.monotonic() + timeout
    while good + bad < expected and time.monotonic() < deadline:
        message = consumer.poll(0.2)
        if message is None or message.error():
            continue
        record = json.loads(message.value())
        if (set(record) == {"x", "actual_y", "predict_y"} and len(record["x"]) == 64
                and isinstance(record["predict_y"], int)):
            good += 1
        else:
            bad += 1
    consumer.close()
    print(f"good={good} bad={bad}")


if __name__ == "__main__":
    main()
