#!/usr/bin/env bash
# 台账 export benchmark: N report facts (default 100,000) in the MongoDB stand-in the local platform uses (an H2
# file; BENCH_STORE=memory keeps them on the heap), then the ledger written as .xlsx and CSV by the endpoint's code.
#   bench/ledger.sh [rows]
# Prints a table and writes bench/results/ledger.md and bench/results/ledger.json. Target: 100,000 rows < 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
./mvnw -q -B -pl stats-service -am install -DskipTests
./mvnw -q -B -pl stats-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="stats-service/target/classes:stats-service/target/test-classes:$(cat stats-service/target/bench.classpath)"
mkdir -p bench/results
java -Xmx${BENCH_HEAP:-2g} -cp "$cp" io.minyi.stats.ledger.LedgerBench "$rows" bench/results
