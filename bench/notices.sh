#!/usr/bin/env bash
# Notice delivery benchmark on the whole local platform (started fresh by the README's ./minyi start, on free
# ports, data in e2e/target/bench-home, stopped by PID afterwards), real SMTP to the local mail server:
# event → mail accepted p50/p99 at a steady 20 notices/s and in a burst of 500, notices/s in the burst, and
# feedback-service's CPU per notice.
#   bench/notices.sh
# Prints a table and writes bench/results/notices.md and bench/results/notices.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl e2e test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cp="e2e/target/test-classes:$(cat e2e/target/bench.classpath)"
mkdir -p bench/results
java -Xmx512m -Dminyi.root=. -cp "$cp" io.minyi.e2e.bench.NoticeBench bench/results
