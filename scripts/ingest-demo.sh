#!/bin/bash
# A run of `liveml clip ingest` against a real S3 server (S3Proxy, scripts/install-s3proxy.sh)
# and a real Kafka broker (`liveml broker`), as docs/ingest.md shows it:
#   scripts/ingest-demo.sh LIVEML MODEL_DIR [WORK_DIR]
# Puts 8 Fashion-MNIST test items (PNG; keys with spaces) and one broken file into bucket
# `photos`, publishes their events with `bucket-watch --once`, ingests them, searches the index
# and lists the output bucket. Ports 18080 (S3) and 19092 (Kafka) on 127.0.0.1.
set -u
L=${1:?usage: ingest-demo.sh LIVEML MODEL_DIR [WORK_DIR]}; M=${2:?usage: ingest-demo.sh LIVEML MODEL_DIR [WORK_DIR]}
D=${3:-$(mktemp -d)}
rm -rf $D/s3 $D/idx $D/pics; mkdir -p $D/s3/blobs $D/pics
python3 - $D/pics <<'PY'
import gzip, struct, zlib, sys
names = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"]
imgs = gzip.open("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz").read()[16:]
labels = gzip.open("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz").read()[8:]
def png(pixels, w, h):
    raw = b"".join(b"\x00" + bytes(pixels[y*w:(y+1)*w]) for y in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
out = sys.argv[1]
for i in range(8):
    open(f"{out}/{names[labels[i]]} {i}.png", "wb").write(png(imgs[i*784:(i+1)*784], 28, 28))
open(f"{out}/notes.png", "wb").write(b"this is not a picture")
PY
cat > $D/s3/s3proxy.properties <<P
s3proxy.authorization=aws-v2-or-v4
s3proxy.endpoint=http://127.0.0.1:18080
s3proxy.identity=local
s3proxy.credential=local-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$D/s3/blobs
P
java -cp "$HOME/.cache/liveml/s3proxy-2.6.0/libs/*" org.gaul.s3proxy.Main --properties $D/s3/s3proxy.properties > $D/s3.log 2>&1 &
S3=$!
$L broker --port 19092 > $D/broker.log 2>&1 &
B=$!
trap 'kill $S3 $B 2>/dev/null; wait' EXIT
for i in $(seq 120); do curl -s -o /dev/null http://127.0.0.1:18080/ && grep -q bootstrap $D/broker.log && break; sleep 1; done
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local-secret
s3() { curl -s -f --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"; }
s3 -X PUT http://127.0.0.1:18080/photos && s3 -X PUT http://127.0.0.1:18080/processed
for f in $D/pics/*.png; do n=$(basename "$f"); s3 -T "$f" "http://127.0.0.1:18080/photos/$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$n")" >/dev/null; done
echo "== bucket-watch --once"
$L clip bucket-watch --s3-endpoint http://127.0.0.1:18080 --bucket photos --brokers 127.0.0.1:19092 --once --json | tail -1
echo "== ingest"
$L clip ingest --brokers 127.0.0.1:19092 --s3-endpoint http://127.0.0.1:18080 --model $M --index $D/idx --out-bucket processed --idle-exit-s 4 --json > $D/ingest.jsonl
grep '"event":"object"' $D/ingest.jsonl | grep -v '"status":"indexed"'; tail -1 $D/ingest.jsonl
echo "== search"
$L clip search --model $M --index $D/idx --text "trouser" --top-k 3 --json | tail -1
echo "== output bucket"
s3 "http://127.0.0.1:18080/processed?list-type=2" | grep -o '<Key>[^<]*</Key>'
