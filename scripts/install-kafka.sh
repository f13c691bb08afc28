#!/usr/bin/env bash
# Resolves the pinned Apache Kafka broker (org.apache.kafka:kafka_2.13) with its runtime
# dependencies from Maven Central into ~/.cache/liveml/kafka-<version>/libs, where
# `liveml broker --engine kafka` finds it. Needs Java 17 and Maven (install-deps.sh installs
# both). Does nothing, and needs no network, when the folder is already complete.
#
# 3.9.x, not 4.x: Kafka 4.0 dropped the old protocol versions (KIP-896) that Debian's
# kafka-python 2.0.2 still speaks. 3.9.2 is the newest 3.9 release Maven Central serves.
set -euo pipefail
. "$(dirname "$0")/maven-jars.sh"

version="${LIVEML_KAFKA_VERSION:-3.9.2}"
# Kafka logs through SLF4J; its distribution binds it to reload4j. Without a binding the
# broker runs silent and the studio has no log lines to show.
slf4j_version=1.7.36
reload4j_version=1.2.25 # the one Kafka's own distribution ships

install_maven_jars install-kafka "kafka-$version" "kafka_2.13-$version.jar" "
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
    </dependency>"
