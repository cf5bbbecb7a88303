#!/usr/bin/env bash
# Start-up benchmark: a first `./minyi start` on a fresh data folder, a stop, then warm starts (data kept; the
# services map the class-data-sharing archives an earlier run recorded), each timed until every part is healthy; the
# services' own "Started … in" times and the resident memory just after. Uses its own data folder and free ports
# (e2e/target/start-home), stops everything it started.
#   bench/start.sh [warm-runs]   (default 2)
# Prints a table and writes bench/results/start.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2}"
./mvnw -q -B -DskipTests -pl devstack,intake-service,routing-service,feedback-service,stats-service,gateway -am install
export MINYI_HOME="$PWD/e2e/target/start-home"
rm -rf "$MINYI_HOME"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for v in GATEWAY_PORT INTAKE_PORT ROUTING_PORT FEEDBACK_PORT STATS_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT MONGO_PORT \
         KEYCLOAK_PORT KEYCLOAK_MANAGEMENT_PORT MINYI_SMTP_PORT MINYI_IMAP_PORT MINYI_SMS_PORT; do
  export "$v=$(free_port)"
done
trap './minyi down > /dev/null 2>&1 || true' EXIT
timed_start() {  # prints the seconds until every part was healthy
  local t0; t0=$(date +%s.%N)
  MINYI_SKIP_BUILD=1 ./minyi start > "$MINYI_HOME/start.out" 2>&1
  python3 -c "import sys; print(round($(date +%s.%N) - $t0, 1))"
}
services() {  # the services' own start-up times, from their logs
  grep -h -o -E "Started [A-Za-z]+ in [0-9.]+ seconds" "$MINYI_HOME"/logs/*-service.log "$MINYI_HOME"/logs/gateway.log \
    | sed -E 's/Started ([A-Za-z]+) in ([0-9.]+) seconds/\1 \2 s/' | paste -sd ',' | sed 's/,/, /g'
}
rss() {  # resident memory of every process the platform runs but Keycloak, MiB
  local total=0 f pid kb
  for f in "$MINYI_HOME"/run/*.pid; do
    [[ "$(basename "$f" .pid)" == keycloak ]] && continue
    pid=$(cat "$f"); kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + kb))
  done
  echo $((total / 1024))
}
mkdir -p "$MINYI_HOME" bench/results
rows=()
cold=$(timed_start); rows+=("| first (fresh data folder: Keycloak imports the realm) | $cold | $(services) | $(rss) |")
./minyi down > /dev/null 2>&1
for i in $(seq 1 "$runs"); do
  warm=$(timed_start); rows+=("| warm $i (data kept) | $warm | $(services) | $(rss) |")
  ./minyi down > /dev/null 2>&1
done
{
  echo "# Start-up benchmark (\`bench/start.sh\`)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2/1048576}' /proc/meminfo); $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%d)"
  echo
  echo "| start | until every part is healthy, s | the services' own start-up | RSS just after, all but Keycloak (MiB) |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Target: a warm \`./minyi start\` in ≤ 45 s."
} | tee bench/results/start.md
