#!/usr/bin/env bash
# Benchmark of similarity: embeddings per second on this machine's cores, the held-out duplicate
# evaluation with its precision–recall curve, and the candidate scan at 1,000–100,000 recent reports
# with the heap it takes. Prints the tables and writes bench/results/similarity.md,
# bench/results/duplicates.md and bench/results/duplicates-pr.csv.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl intake-service -am install -DskipTests
./mvnw -q -B -pl intake-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="intake-service/target/classes:intake-service/target/test-classes:$(cat intake-service/target/bench.classpath)"
mkdir -p bench/results
java -Xmx2g -XX:+UseSerialGC -cp "$cp" io.minyi.intake.similarity.SimilarityBench \
  bench/results/similarity.md bench/results/duplicates.md bench/results/duplicates-pr.csv
