#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running LiveML Studio needs.
# Does nothing (and needs no network) when all of them, the Kafka and the S3Proxy jars, are present.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git clang-format
  # fuzzing (`make fuzz`): clang with libFuzzer and the sanitizer runtimes, OpenMP for clang
  clang-14 libclang-rt-14-dev libomp-14-dev
  # `make package-test`: a clean Debian 12 root to install the .deb into; AppStream validation
  debootstrap appstream
  # GUI: Qt 6, QCustomPlot, translations, headless display for screenshots
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqcustomplot-dev libgl-dev xvfb xauth
  # secrets in the system keychain: QtKeychain loads libsecret at run time (Secret Service);
  # tests run a private D-Bus session with gnome-keyring and read entries with secret-tool
  qtkeychain-qt6-dev libsecret-1-0 dbus gnome-keyring libsecret-tools
  # core libraries
  libeigen3-dev zlib1g-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libstb-dev libicu-dev
  librdkafka-dev libhiredis-dev libtorch-dev libgloo-dev libfaiss-dev libgtest-dev libbenchmark-dev
  # object stores (core/objectstore): HTTP(S) through libcurl, SigV4's SHA-256/HMAC from OpenSSL
  libcurl4-openssl-dev libssl-dev
  # servers and independent peers used by tests and local mode
  redis-server redis-tools kcat python3-kafka python3-confluent-kafka
  # the real Kafka broker: Java runs it, Maven resolves its jars (scripts/install-kafka.sh)
  openjdk-17-jre-headless maven
  # references for parity tests and benchmarks
  python3 python3-numpy python3-sklearn python3-pil python3-torch
  # datasets and handwriting-style fonts for the held-out digit evaluation
  dataset-fashion-mnist
  fonts-dkg-handwriting fonts-breip fonts-bwht fonts-femkeklaver fonts-humor-sans
  fonts-rufscript fonts-sjfonts fonts-comic-neue fonts-dancingscript fonts-ecolier-court
  fonts-yusei-magic fonts-klee fonts-dejavu-core
  # more hands (and a few plain faces) that only the canvas preset's training digits use
  fonts-kristi fonts-kaushanscript fonts-cabinsketch fonts-seto fonts-kiloji fonts-tomsontalks
  fonts-urw-base35
  # a CJK font so the Simplified Chinese user interface is readable
  fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -ne 0 ]; then
  echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The real Kafka broker of local mode and the stream tests (needs the Java and Maven above).
"$(dirname "$0")/install-kafka.sh"
# The S3-compatible server the object-store tests run (scripts/install-s3proxy.sh).
"$(dirname "$0")/install-s3proxy.sh"
