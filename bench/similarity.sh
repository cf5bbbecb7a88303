#!/usr/bin/env bash
# Benchmark of duplicate search per submission (fingerprint + scan of the city's recent reports) at
# 1k–100k recent reports. Prints a table and writes it to bench/results/similarity.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl intake-service -am install -DskipTests
./mvnw -q -B -pl intake-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="intake-service/target/classes:intake-service/target/test-classes:$(cat intake-service/target/bench.classpath)"
mkdir -p bench/results
java -Xmx2g -XX:+UseSerialGC -cp "$cp" io.minyi.intake.similarity.SimilarityBench bench/results/similarity.md
