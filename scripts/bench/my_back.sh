#!/usr/bin/env bash
# "My back" benchmark (docs/BENCHMARKS.md, issue #10): one person with a plan of 200 logged
# sessions (`lumbar bench journal-fixture`), `lumbar serve` on SQLite, and in the same run:
#   - GET /plans/{id} (200 sealed entries opened, the progress rule, two SVG charts, the table)
#   - GET /my-back (the saved check and the plan with its status)
#   - nginx serving the same bytes as static files (the peer)
#   - POST /signin (argon2id verify, a new session row) — sign-in throughput
#   - `lumbar bench password`: argon2id hashes per second with lumbar's and OWASP's parameters
# wrk -t2 -c50 --latency on loopback; wrk, lumbar and nginx share the machine's cores.
# Usage: scripts/bench/my_back.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-10}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
command -v nginx >/dev/null || { echo "install nginx (apt-get install nginx-light)"; exit 1; }
cargo build --release -q -p lumbar-cli
BIN=$PWD/target/release/lumbar
WORK=$(mktemp -d /tmp/lumbar-myback-bench.XXXXXX); chmod 755 "$WORK"; mkdir -p "$WORK/static"
PORT=18090; NPORT=18091
trap 'kill $LPID 2>/dev/null; pkill -f "nginx -c $WORK/nginx.conf" 2>/dev/null; sleep 0.2; rm -rf "$WORK"' EXIT
DB="sqlite:$WORK/bench.db"

echo "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo), $(rustc --version | cut -d' ' -f1-2), release, \
$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $(nginx -v 2>&1 | cut -d' ' -f3)"
FIXTURE=$("$BIN" --db "$DB" bench journal-fixture --sessions 200)
COOKIE=$(echo "$FIXTURE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cookie"])')
PLAN=$(echo "$FIXTURE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["plan"])')

LUMBAR_RATE_LIMIT_PER_MINUTE=100000000 LUMBAR_RATE_LIMIT_BURST=100000000 \
  "$BIN" --db "$DB" serve --listen 127.0.0.1:$PORT 2>"$WORK/lumbar.log" &
LPID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.2; done

curl -sf -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/plans/$PLAN" -o "$WORK/static/plan.html"
curl -sf -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/my-back" -o "$WORK/static/my-back.html"
grep -q 'role="img"' "$WORK/static/plan.html" || { echo "the plan page has no chart: is the cookie accepted?"; exit 1; }
echo "plan page: $(wc -c < "$WORK/static/plan.html") bytes, 200 sessions; my-back: $(wc -c < "$WORK/static/my-back.html") bytes"

# sign-in: one CSRF cookie and token, reused (the token verifies against the cookie)
curl -sf -c "$WORK/jar" "http://127.0.0.1:$PORT/signin" -o "$WORK/signin.html"
CSRF_COOKIE=$(awk '$6=="lumbar_csrf" {print $7}' "$WORK/jar")
TOKEN=$(grep -o 'name="csrf" value="[^"]*"' "$WORK/signin.html" | head -1 | sed 's/.*value="//; s/"$//')
cat > "$WORK/signin.lua" <<LUA
wrk.method = "POST"
wrk.body = "csrf=$TOKEN&email=bench%40example.org&password=bench-password-123&next=%2Fmy-back"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "lumbar_csrf=$CSRF_COOKIE"
LUA
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NPORT;
    root $WORK/static;
    location / { default_type text/html; }
  }
}
CONF
nginx -c "$WORK/nginx.conf"

run() { # label url [lua] [cookie]
  local out args=(-t2 -c50 -d"${SECS}s" --latency)
  [ -n "${3:-}" ] && args+=(-s "$3")
  [ -n "${4:-}" ] && args+=(-H "Cookie: $4")
  out=$(wrk "${args[@]}" "$2")
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '| %-44s | %10s | %8s | %8s | %s |\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
}
echo
echo "| endpoint (wrk -t2 -c50, ${SECS} s) | requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
run "lumbar GET /plans/{id} (200 sessions)" "http://127.0.0.1:$PORT/plans/$PLAN" "" "$COOKIE"
run "nginx  same bytes (plan.html)" "http://127.0.0.1:$NPORT/plan.html"
run "lumbar GET /my-back" "http://127.0.0.1:$PORT/my-back" "" "$COOKIE"
run "nginx  same bytes (my-back.html)" "http://127.0.0.1:$NPORT/my-back.html"
run "lumbar POST /signin (argon2id verify + session)" "http://127.0.0.1:$PORT/signin" "$WORK/signin.lua"
echo "(POST /signin answers 303: counted as non-2xx by wrk; every one is a successful sign-in)"
echo
kill $LPID 2>/dev/null; wait $LPID 2>/dev/null || true
"$BIN" bench password --seconds 3
