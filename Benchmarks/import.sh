#!/usr/bin/env bash
# Import benchmark (issue 4): 1M observations into SQLite and PostgreSQL, each against the
# database's own bulk loader on the same file, measured in the same run.
#   Benchmarks/import.sh [ROWS] [POSTGRES_URL]
# With no URL, it starts a throwaway cluster (scripts/test-postgres) when PostgreSQL is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
pg_url=${2:-}
build=.build-release
swift build -c release --product planwatch --scratch-path $build >/dev/null
swift build -c release --product planwatch-bench --scratch-path $build >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=$work/observations.csv
$build/release/planwatch-bench observations-csv --rows "$rows" --out "$csv" >/dev/null

# measure CMD…: prints "seconds peak_rss_mb".
source Benchmarks/measure.sh

echo "# Benchmarks/import.sh $rows"
echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), build: release, file: $(du -h "$csv" | cut -f1) ($rows rows)"

# SQLite: the reference is sqlite3's own .import into a plain table.
ref=$(measure sqlite3 "$work/ref.sqlite" ".mode csv" ".import --skip 1 $csv plain")
ref_s=${ref% *}
$build/release/planwatch plan load Plans/digital-new-deal.yaml --db "sqlite:$work/pw.sqlite" >/dev/null
pw=$(measure $build/release/planwatch import observations "$csv" --db "sqlite:$work/pw.sqlite" --approve)
pw_s=${pw% *}; pw_mb=${pw#* }
python3 -c "
rows=$rows; r=$ref_s; p=$pw_s
print(f'SQLite  sqlite3 .import: {r:.2f} s ({rows/r:,.0f} rows/s) | planwatch import (validated, indexed, audited): {p:.2f} s ({rows/p:,.0f} rows/s), peak {$pw_mb} MB | ratio {r/p:.2f} (goal >= 0.50)')
"
$build/release/planwatch audit verify --db "sqlite:$work/pw.sqlite"

# PostgreSQL: the reference is psql's \copy into a plain table.
if [ -z "$pg_url" ] && command -v psql >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  pg_url=$(scripts/test-postgres start)
fi
if [ -n "$pg_url" ]; then
  schema="bench_$$"
  psql "$pg_url" -qc "CREATE SCHEMA $schema; CREATE TABLE $schema.plain (indicator_id text, period text, value text, status text, source text, note text)"
  ref=$(measure psql "$pg_url" -qc "\\copy $schema.plain FROM '$csv' WITH (FORMAT csv, HEADER true)")
  ref_s=${ref% *}
  url="$pg_url?schema=$schema"
  $build/release/planwatch plan load Plans/digital-new-deal.yaml --db "$url" >/dev/null
  pw=$(measure $build/release/planwatch import observations "$csv" --db "$url" --approve)
  pw_s=${pw% *}; pw_mb=${pw#* }
  python3 -c "
rows=$rows; r=$ref_s; p=$pw_s
print(f'Postgres psql \\\\copy: {r:.2f} s ({rows/r:,.0f} rows/s) | planwatch import: {p:.2f} s ({rows/p:,.0f} rows/s), peak {$pw_mb} MB | ratio {r/p:.2f} (goal >= 0.50)')
"
  psql "$pg_url" -qc "DROP SCHEMA $schema CASCADE"
else
  echo "PostgreSQL: skipped (no server; install postgresql or pass a URL)"
fi
