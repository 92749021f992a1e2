#!/usr/bin/env bash
# Web benchmark (docs/BENCHMARKS.md): wrk, 100 connections, against `lumbar serve --demo`
# and against nginx serving the same bytes as static files, in the same run:
#   - the home page (GET /),
#   - a result page (POST /check, the last step of the check, with a valid CSRF cookie/token),
#   - a search (GET /find?zip=98101&radius_miles=15).
# Usage: scripts/bench/web.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-10}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
command -v nginx >/dev/null || { echo "install nginx (apt-get install nginx-light)"; exit 1; }
cargo build --release -q -p lumbar-cli
WORK=$(mktemp -d /tmp/lumbar-web-bench.XXXXXX); chmod 755 "$WORK"
PORT=18080; NPORT=18081
trap 'kill $LPID 2>/dev/null; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null; rm -rf "$WORK"' EXIT

# lumbar, with a high POST rate limit so the benchmark measures rendering, not the limiter
LUMBAR_RATE_LIMIT_PER_MINUTE=100000000 LUMBAR_RATE_LIMIT_BURST=100000000 \
  target/release/lumbar --db "sqlite:$WORK/bench.db" serve --demo --listen 127.0.0.1:$PORT 2>"$WORK/lumbar.log" &
LPID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.2; done

# A result page: walk the check once with curl to get a cookie, a token and the final form.
python3 scripts/bench/result_request.py "http://127.0.0.1:$PORT" "$WORK" >/dev/null; chmod -R a+rX "$WORK/static"

curl -sf "http://127.0.0.1:$PORT/" -o "$WORK/static/home.html"
curl -sf "http://127.0.0.1:$PORT/find?zip=98101&radius_miles=15" -o "$WORK/static/find.html"
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

run() { # label url [lua]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c100 -d"${SECS}s" --latency -s "$3" "$2"); else out=$(wrk -t2 -c100 -d"${SECS}s" --latency "$2"); fi
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '| %-36s | %10s | %8s | %s |\n' "$1" "$rps" "$p99" "${non2xx:-0}"
}
echo "| endpoint | requests/s | p99 | non-2xx |"
echo "|---|---:|---:|---:|"
run "lumbar GET / (home)" "http://127.0.0.1:$PORT/"
run "nginx  same bytes (home.html)" "http://127.0.0.1:$NPORT/home.html"
run "lumbar POST /check (result page)" "http://127.0.0.1:$PORT/check" "$WORK/result.lua"
run "nginx  same bytes (result.html)" "http://127.0.0.1:$NPORT/result.html"
run "lumbar GET /find?zip=98101 (search)" "http://127.0.0.1:$PORT/find?zip=98101&radius_miles=15"
run "nginx  same bytes (find.html)" "http://127.0.0.1:$NPORT/find.html"
