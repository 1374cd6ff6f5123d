#!/usr/bin/env bash
# Whole indicator runs on one store, alternated: NEW jar with the cohort change-noting triggers on, OLD jar with them
# disabled (docs/benchmarks.md, "The analyst's cohort page"). Usage:
#   THREADLINE_HOME=/tmp/big/home300 benchmarks/scripts/indicators-with-and-without-triggers.sh NEW_DIR OLD_DIR
# where each DIR holds a threadline.jar (and its lib/). Needs psql; the store's embedded PostgreSQL is started by a
# short `serve` to switch the triggers.
set -euo pipefail
new="$1"; old="$2"
export PGPASSWORD=postgres
run() {
  echo "== $1 $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "$1 wall %e s user %U s sys %S s maxrss %M KB" java -Xmx3g -jar "$2/threadline.jar" \
      indicators run 2>&1 | grep -E "wall|Evaluated" | tail -2
}
triggers() { # ENABLE|DISABLE
  java -Xmx1g -jar "$new/threadline.jar" serve --port 18098 > /tmp/threadline-ab-serve.log 2>&1 &
  local pid=$!
  for _ in $(seq 1 90); do grep -q "listening" /tmp/threadline-ab-serve.log && break; sleep 1; done
  local port; port=$(sed -n 4p "$THREADLINE_HOME/db/postmaster.pid")
  for t in person residence indicator_result indicator_evaluation; do
    psql -h localhost -p "$port" -U postgres -qAt -c "ALTER TABLE $t $1 TRIGGER ${t}_changes_cohorts"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; sleep 3
}
for round in 1 2; do
  triggers ENABLE; run "new-with-triggers-$round" "$new"
  triggers DISABLE; run "old-without-triggers-$round" "$old"
done
triggers ENABLE
