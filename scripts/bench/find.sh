#!/usr/bin/env bash
# Geo search benchmark (docs/BENCHMARKS.md, "Find: geo search"): builds the release binary,
# starts a throwaway PostgreSQL cluster with PostGIS available (Unix socket only, in a temp
# dir; removed on exit), and runs, in one process and one run:
#   lumbar bench find --postgis-url …
# i.e. the in-process GeoIndex, SQLite R*Tree and PostGIS on the same data and queries.
# The output is also written to bench-data/find.log (or $LOG).
#
# Cluster settings: fsync, synchronous_commit and full_page_writes are off — they only speed
# up the bulk load (COPY, index build) and a throwaway cluster loses nothing; queries are
# read-only and unaffected. shared_buffers=1GB holds the whole table and index (fair to
# PostGIS), maintenance_work_mem=1GB for the GiST build, jit=off (short OLTP queries).
#
# Usage: scripts/bench/find.sh [extra `lumbar bench find` args, e.g. --therapists 100000]
# Needs: PostgreSQL server binaries and PostGIS (Debian: postgresql-15-postgis-3); as root,
# the cluster runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG=${LOG:-bench-data/find.log}
mkdir -p "$(dirname "$LOG")"

cargo build --release -q -p lumbar-cli
BIN=$PWD/target/release/lumbar

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "find.sh: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
PGTMP=$(mktemp -d /tmp/lumbar-bench-find-pg.XXXXXX)
chmod 755 "$PGTMP"
[ "$(id -u)" = 0 ] && chown postgres "$PGTMP"
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
  -o "-k $PGTMP -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c shared_buffers=1GB -c maintenance_work_mem=1GB -c jit=off" \
  start >/dev/null || { cat "$PGTMP/server.log" >&2; exit 1; }

{
  echo "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2/1048576 }' /proc/meminfo), \
$(. /etc/os-release && echo "$PRETTY_NAME"), $(rustc --version | cut -d' ' -f1-2), release"
  echo "PostgreSQL: $("$PGBIN/postgres" --version), throwaway cluster at $PGTMP (fsync=off for the load)"
  echo
  "$BIN" bench find --postgis-url "postgres://postgres@localhost/postgres?host=$PGTMP" "$@"
} 2>&1 | tee "$LOG"
exit "${PIPESTATUS[0]}"
