#!/usr/bin/env bash
# Statistics benchmark: rebuild of the projection from the topic (events/s) and dashboard queries over
# a long history (p50/p99), with the raw Kafka and MongoDB stand-in ceilings measured in the same run.
#   bench/stats.sh [reports]   (default 1,000,000 report lives ≈ 5.6 million events, about an hour; the stand-in keeps
#   them in an H2 file under stats-service/target/bench-store; BENCH_STORE=memory keeps them on the heap instead)
# Prints a table and writes bench/results/stats.md and bench/results/stats.json.
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-1000000}"
./mvnw -q -B -pl stats-service -am install -DskipTests
./mvnw -q -B -pl stats-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="stats-service/target/classes:stats-service/target/test-classes:$(cat stats-service/target/bench.classpath)"
mkdir -p bench/results
java -Xmx${BENCH_HEAP:-12g} -XX:+UseParallelGC -cp "$cp" io.minyi.stats.bench.StatsBench "$reports" bench/results
