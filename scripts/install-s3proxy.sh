#!/usr/bin/env bash
# Resolves the pinned S3Proxy (org.gaul:s3proxy, an S3-compatible server over jclouds' blob
# stores) with its runtime dependencies from Maven Central into
# ${XDG_CACHE_HOME:-~/.cache}/liveml/s3proxy-<version>/libs, where the object-store tests and
# `liveml clip ingest`'s docs find it (core/objectstore/s3proxy_install). Needs Java 17 and Maven
# (install-deps.sh installs both). Does nothing, and needs no network, when the folder is
# already complete.
#
# Why S3Proxy: Debian has no MinIO package, and S3Proxy with its filesystem backend is a real
# S3 server (SigV4, ListObjectsV2, ETags) that runs from Maven jars like our Kafka broker.
set -euo pipefail

version="${LIVEML_S3PROXY_VERSION:-2.6.0}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/liveml"
home="$cache/s3proxy-$version"
libs="$home/libs"
marker="$home/complete"

# The marker lists the jars written; every one must still be there.
verify() {
  [ -f "$marker" ] || return 1
  while read -r jar; do
    [ -s "$libs/$jar" ] || return 1
  done <"$marker"
  grep -qx "s3proxy-$version.jar" "$marker"
}

if verify; then
  exit 0
fi

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null; then
    echo "install-s3proxy: '$tool' not found; install openjdk-17-jre-headless and maven" \
         "(scripts/install-deps.sh does) and run this script again" >&2
    exit 1
  fi
done

echo "install-s3proxy: resolving S3Proxy $version from Maven Central into $libs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>liveml</groupId>
  <artifactId>liveml-s3proxy</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.gaul</groupId>
      <artifactId>s3proxy</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
</project>
POM
rm -rf "$home"
mkdir -p "$work/libs"
mvn -q -B -Dstyle.color=never -f "$work/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$work/libs"
if [ ! -s "$work/libs/s3proxy-$version.jar" ]; then
  echo "install-s3proxy: Maven did not deliver s3proxy-$version.jar" >&2
  exit 1
fi
mkdir -p "$home"
mv "$work/libs" "$libs"
(cd "$libs" && ls -1 ./*.jar | sed 's#^\./##') >"$marker"
echo "install-s3proxy: $(wc -l <"$marker") jars in $libs"
