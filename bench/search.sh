#!/usr/bin/env bash
# Benchmark of search at 100,000 indexed reports (index build through the projection's path, query
# latency with ranking, filters and snippets, heap and disk). Prints a table and writes it to
# bench/results/search.md. Usage: bench/search.sh [reports]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl intake-service -am install -DskipTests
./mvnw -q -B -pl intake-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="intake-service/target/classes:intake-service/target/test-classes:$(cat intake-service/target/bench.classpath)"
mkdir -p bench/results
java -Xmx1g -XX:+UseSerialGC -cp "$cp" io.minyi.intake.search.SearchBench bench/results/search.md "${1:-100000}"
