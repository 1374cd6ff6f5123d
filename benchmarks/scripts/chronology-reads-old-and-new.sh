#!/usr/bin/env bash
# Chronology reads through the REST API on one store, alternated between two builds (docs/benchmarks.md, "Reads that
# decide every event"): each GET /api/v1/people/{id}/chronology decides every event of the person. Usage:
#   THREADLINE_HOME=/tmp/demo10 benchmarks/scripts/chronology-reads-old-and-new.sh NEW_CHECKOUT OLD_CHECKOUT CASE \
#       PERSON...
# where each CHECKOUT is a built checkout (app/target/threadline.jar, its config/), CASE an open case of
# children's social care linking the PERSONs (the demo prints one). Needs curl.
set -euo pipefail
new="$1"; old="$2"; case_ref="$3"; shift 3; people=("$@")
rounds=${ROUNDS:-2}; calls=${CALLS:-300}; port=18097
key=$(java -Dthreadline.root="$new" -jar "$new/app/target/threadline.jar" api-keys create --agency \
      CHILDRENS_SOCIAL_CARE --role SOCIAL_WORKER --name "bench-$(date +%s)" | grep -o 'tl_[A-Za-z0-9_-]*' | head -1)
serve() { # CHECKOUT
  THREADLINE_NIGHTLY_AT=off java -Xmx2g -Dthreadline.root="$1" -jar "$1/app/target/threadline.jar" serve \
      --port "$port" > /tmp/threadline-reads-serve.log 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do grep -q "listening" /tmp/threadline-reads-serve.log && return; sleep 1; done
  echo "serve did not start"; cat /tmp/threadline-reads-serve.log; exit 1
}
call() { # PERSON
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $key" \
      -H "Threadline-Purpose: SAFEGUARDING.CHILD.MASH_TRIAGE" -H "Threadline-Case-Reference: $case_ref" \
      "http://127.0.0.1:$port/api/v1/people/$1/chronology"
}
measure() { # LABEL CHECKOUT
  serve "$2"
  for i in $(seq 1 30); do call "${people[$((i % ${#people[@]}))]}" > /dev/null; done   # warm up
  : > /tmp/threadline-reads.txt
  for i in $(seq 1 "$calls"); do call "${people[$((i % ${#people[@]}))]}" >> /tmp/threadline-reads.txt; done
  kill "$pid"; wait "$pid" 2>/dev/null || true; sleep 3
  grep -vc '^200 ' /tmp/threadline-reads.txt | sed "s/^/$1 non-200 responses: /" || true
  sort -n -k2 /tmp/threadline-reads.txt | awk -v l="$1" '{t[NR]=$2} END {printf "%s p50 %.1f ms p95 %.1f ms (%d calls, load %s)\n",
      l, t[int(NR*0.5)]*1000, t[int(NR*0.95)]*1000, NR, "'"$(cut -d' ' -f1 /proc/loadavg)"'"}'
}
for r in $(seq 1 "$rounds"); do
  measure "new-$r" "$new"
  measure "old-$r" "$old"
done
