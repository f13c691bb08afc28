#!/usr/bin/env bash
# Resolves the pinned S3Proxy (org.gaul:s3proxy, an S3-compatible server over jclouds' blob
# stores) with its runtime dependencies from Maven Central into
# ~/.cache/liveml/s3proxy-<version>/libs, where the object-store tests and the ingest bench find
# it (core/objectstore/s3proxy_server). Needs Java 17 and Maven (install-deps.sh installs both).
# Does nothing, and needs no network, when the folder is already complete.
#
# Why S3Proxy: Debian has no MinIO package, and S3Proxy with its filesystem backend is a real
# S3 server (SigV4, ListObjectsV2, ETags, virtual hosts) that runs from Maven jars like our
# Kafka broker. 2.6.0 runs on Java 17.
set -euo pipefail
. "$(dirname "$0")/maven-jars.sh"

version="${LIVEML_S3PROXY_VERSION:-2.6.0}"

install_maven_jars install-s3proxy "s3proxy-$version" "s3proxy-$version.jar" "
    <dependency>
      <groupId>org.gaul</groupId>
      <artifactId>s3proxy</artifactId>
      <version>$version</version>
    </dependency>"
