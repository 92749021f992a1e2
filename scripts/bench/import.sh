#!/usr/bin/env bash
# NPPES import benchmark (docs/BENCHMARKS.md): generates a ~1 GB synthetic NPPES V2 file,
# then measures in one run, page cache warm:
#   - a raw read of the file (cat > /dev/null), the floor;
#   - DuckDB read_csv with the same taxonomy filter, counting rows (pip install duckdb);
#   - lumbar import nppes into a fresh SQLite file;
#   - lumbar import nppes into a fresh PostgreSQL database (throwaway cluster);
# with wall time and peak RSS from /usr/bin/time.
# Usage: scripts/bench/import.sh [ROWS]   (default 850,000 rows ≈ 1 GB)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-850000}
OUT=bench-data/nppes-$ROWS
cargo build --release -q -p lumbar-cli
cargo build --release -q -p lumbar-import --example nppes_throughput
BIN=target/release/lumbar
if [ ! -f "$OUT/done" ]; then
  rm -rf "$OUT"; mkdir -p "$OUT"
  $BIN synth --out "$OUT" --providers "$ROWS" --seed 7 >/dev/null
  touch "$OUT/done"
fi
CSV=$(ls "$OUT"/npidata_pfile_*.csv | head -n 1)
SIZE=$(stat -c %s "$CSV")
echo "file: $CSV ($SIZE bytes, $ROWS rows)"

measure() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o /tmp/lumbar-bench-time "$@" >/tmp/lumbar-bench-out 2>&1 || { cat /tmp/lumbar-bench-out; exit 1; }
  read -r secs kb < /tmp/lumbar-bench-time
  awk -v l="$label" -v s="$secs" -v k="$kb" -v b="$SIZE" 'BEGIN { printf "| %-34s | %8.2f s | %8.0f MB/s | %7.0f MB |\n", l, s, b/1e6/s, k/1024 }'
}

cat "$CSV" > /dev/null # warm the page cache
echo "| measurement | wall | throughput | peak RSS |"
echo "|---|---:|---:|---:|"
measure "raw read (cat > /dev/null)" sh -c "cat '$CSV' > /dev/null"
FILTER=$(for i in $(seq 1 15); do printf '"Healthcare Provider Taxonomy Code_%s" = '"'"'225700000X'"'"' OR ' "$i"; done | sed 's/ OR $//')
echo "SELECT count(*) FROM read_csv('$CSV', header=true, all_varchar=true) WHERE $FILTER" > bench-data/duckdb.sql
measure "DuckDB read_csv + filter, count" python3 -c "
import duckdb
con = duckdb.connect()
con.execute('PRAGMA threads=2')
print(con.execute(open('bench-data/duckdb.sql').read()).fetchone()[0])
"
cp /tmp/lumbar-bench-out /tmp/lumbar-bench-duck
rm -f bench-data/bench.db*
measure "lumbar import nppes → SQLite" $BIN --db sqlite:bench-data/bench.db import nppes "$CSV"
grep -o '[0-9]* therapists and places found' /tmp/lumbar-bench-out || true
echo "DuckDB count: $(tail -n 1 /tmp/lumbar-bench-duck 2>/dev/null)"
echo "reader only, no database (lumbar-import example, same file, page cache):"
target/release/examples/nppes_throughput "$OUT" "$ROWS" | sed 's/^/  /' 

# PostgreSQL: a throwaway cluster, as in scripts/test
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGTMP=$(mktemp -d /tmp/lumbar-bench-pg.XXXXXX); chmod 755 "$PGTMP"; chown postgres "$PGTMP"
trap 'runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PGTMP"' EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w -o "-k $PGTMP -c listen_addresses=" start >/dev/null
measure "lumbar import nppes → PostgreSQL" $BIN --db "postgres://postgres@localhost/postgres?host=$PGTMP" import nppes "$CSV"
