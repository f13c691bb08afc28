#!/usr/bin/env bash
# Resolves the pinned Apache Kafka broker (org.apache.kafka:kafka_2.13) with its runtime
# dependencies from Maven Central into ~/.cache/liveml/kafka-<version>/libs, where
# `liveml broker --engine kafka` finds it. Needs Java 17 and Maven (install-deps.sh installs
# both). Does nothing, and needs no network, when the folder is already complete.
#
# 3.9.x, not 4.x: Kafka 4.0 dropped the old protocol versions (KIP-896) that Debian's
# kafka-python 2.0.2 still speaks. 3.9.2 is the newest 3.9 release Maven Central serves.
set -euo pipefail

version="${LIVEML_KAFKA_VERSION:-3.9.2}"
# Kafka logs through SLF4J; its distribution binds it to reload4j. Without a binding the
# broker runs silent and the studio has no log lines to show.
slf4j_version=1.7.36
reload4j_version=1.2.25 # the one Kafka's own distribution ships
cache="${XDG_CACHE_HOME:-$HOME/.cache}/liveml"
home="$cache/kafka-$version"
libs="$home/libs"
marker="$home/complete"

# The marker lists the jars written; every one must still be there.
verify() {
  [ -f "$marker" ] || return 1
  while read -r jar; do
    [ -s "$libs/$jar" ] || return 1
  done <"$marker"
  grep -qx "kafka_2.13-$version.jar" "$marker"
}

if verify; then
  exit 0
fi

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null; then
    echo "install-kafka: '$tool' not found; install openjdk-17-jre-headless and maven" \
         "(scripts/install-deps.sh does) and run this script again" >&2
    exit 1
  fi
done

echo "install-kafka: resolving Apache Kafka $version from Maven Central into $libs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>liveml</groupId>
  <artifactId>liveml-kafka-broker</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>$version</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-reload4j</artifactId>
      <version>$slf4j_version</version>
    </dependency>
    <dependency>
      <groupId>ch.qos.reload4j</groupId>
      <artifactId>reload4j</artifactId>
      <version>$reload4j_version</version>
    </dependency>
  </dependencies>
</project>
EOF
rm -rf "$home"
mkdir -p "$work/libs"
mvn -q -B -Dstyle.color=never -f "$work/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$work/libs"
if [ ! -s "$work/libs/kafka_2.13-$version.jar" ]; then
  echo "install-kafka: Maven did not deliver kafka_2.13-$version.jar" >&2
  exit 1
fi
mkdir -p "$home"
mv "$work/libs" "$libs"
(cd "$libs" && ls -1 ./*.jar | sed 's#^\./##') >"$marker"
echo "install-kafka: $(wc -l <"$marker") jars in $libs"
