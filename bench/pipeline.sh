#!/usr/bin/env bash
# Pipeline benchmark on the whole local platform (started fresh by the README's ./minyi start, on free
# ports, data in e2e/target/bench-home, stopped by PID afterwards): intake throughput and p50/p99 through
# the gateway with real JWTs in steps of offered rate up to 1000/s (open loop, HdrHistogram), freshness (submitted
# → in the stats summary) under 100/s, the gateway beside the service it fronts (wrk, CPU per request), clicks
# and hops between services at idle, store commands per report, full lifecycles per second with 16 and 32
# clients, resident memory of every process at rest and under load, and the raw Kafka producer and MongoDB
# stand-in ceilings in the same run; a 15 s warm-up first is excluded from every figure.
#   bench/pipeline.sh [seconds-per-step]   (default 20)
#   BENCH_JAVA_OPTS=-Dbench.only=lifecycles bench/pipeline.sh   only the lifecycle step, for profiling (nothing written)
# Prints a table and writes bench/results/pipeline.md and bench/results/pipeline.json.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
command -v wrk >/dev/null || { echo "the gateway pair needs wrk: apt-get install -y wrk" >&2; exit 1; }
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl e2e test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="e2e/target/test-classes:$(cat e2e/target/bench.classpath)"
mkdir -p bench/results
java -Xmx1g -Dminyi.root=. ${BENCH_JAVA_OPTS:-} -cp "$cp" io.minyi.e2e.bench.PipelineBench bench/results "$seconds"
