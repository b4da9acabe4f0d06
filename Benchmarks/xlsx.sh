#!/usr/bin/env bash
# Excel benchmark (issue 15), in one run on the same rows:
#  1. import ROWS observations from an .xlsx saved by LibreOffice against the same rows as CSV
#     (goal: the workbook within 3x of the CSV);
#  2. export EXPORT_ROWS observations as observations.xlsx against observations.csv, with peak
#     memory, to show the workbook is written a row at a time.
#   Benchmarks/xlsx.sh [ROWS] [EXPORT_ROWS] [--bin DIR]    # defaults 100000 1000000; --bin: no build
# Needs LibreOffice (Debian: libreoffice-calc) to save the CSV as a workbook, as an officer would.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=100000 export_rows=1000000 bin=""
positional=()
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -ge 1 ] && rows=${positional[0]}
[ ${#positional[@]} -ge 2 ] && export_rows=${positional[1]}
if [ -z "$bin" ]; then
  swift build -c release --product planwatch --scratch-path .build-release >/dev/null
  swift build -c release --product planwatch-bench --scratch-path .build-release >/dev/null
  bin=.build-release/release
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure CMD…: prints "seconds peak_rss_mb".
source Benchmarks/measure.sh

echo "# Benchmarks/xlsx.sh $rows $export_rows"
echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), binaries: $bin"

# 1. Import: the same rows as CSV and as a workbook LibreOffice saved from that CSV.
$bin/planwatch-bench observations-csv --rows "$rows" --out "$work/observations.csv" >/dev/null
profile=$(mktemp -d)
soffice "-env:UserInstallation=file://$profile" --headless --convert-to xlsx --infilter=CSV:44,34,76,1 --outdir "$work" "$work/observations.csv" >/dev/null 2>&1
rm -rf "$profile"
$bin/planwatch plan load Plans/digital-new-deal.yaml --db "sqlite:$work/plan.sqlite" >/dev/null
$bin/planwatch backup "$work/base.sqlite" --db "sqlite:$work/plan.sqlite" >/dev/null
echo "# files: observations.csv $(du -h "$work/observations.csv" | cut -f1), observations.xlsx $(du -h "$work/observations.xlsx" | cut -f1) ($rows rows)"
best() {  # the best of three runs, each into a fresh copy of the database: "seconds peak_mb"
  local file=$1 out="" s
  for i in 1 2 3; do
    cp "$work/base.sqlite" "$work/run.sqlite"
    rm -f "$work/run.sqlite-wal" "$work/run.sqlite-shm"
    s=$(measure $bin/planwatch import observations "$file" --db "sqlite:$work/run.sqlite" --approve --again)
    if [ -z "$out" ] || python3 -c "import sys; sys.exit(0 if ${s% *} < ${out% *} else 1)"; then out=$s; fi
  done
  echo "$out"
}
csv=$(best "$work/observations.csv")
xlsx=$(best "$work/observations.xlsx")
python3 -c "
rows=$rows; c=${csv% *}; x=${xlsx% *}
print(f'import CSV : {c:.2f} s ({rows/c:,.0f} rows/s), peak ${csv#* } MB')
print(f'import XLSX: {x:.2f} s ({rows/x:,.0f} rows/s), peak ${xlsx#* } MB | ratio {x/c:.2f}x the CSV (goal <= 3.00)')
"

# 2. Export: observations.xlsx against observations.csv from the same database.
$bin/planwatch-bench observations-csv --rows "$export_rows" --out "$work/export.csv" >/dev/null
cp "$work/base.sqlite" "$work/export.sqlite"
$bin/planwatch import observations "$work/export.csv" --db "sqlite:$work/export.sqlite" --approve >/dev/null
rm -f "$work/export.csv" "$work/observations.csv" "$work/observations.xlsx"
ec=$(measure $bin/planwatch export --format csv --out "$work/out-csv" --db "sqlite:$work/export.sqlite")
ex=$(measure $bin/planwatch export --format xlsx --out "$work/out-xlsx" --db "sqlite:$work/export.sqlite")
python3 -c "
rows=$export_rows; c=${ec% *}; x=${ex% *}
print(f'export CSV : {c:.2f} s, peak ${ec#* } MB, observations.csv $(du -h "$work/out-csv/observations.csv" | cut -f1)')
print(f'export XLSX: {x:.2f} s, peak ${ex#* } MB, observations.xlsx $(du -h "$work/out-xlsx/observations.xlsx" | cut -f1) ($export_rows rows) | ratio {x/c:.2f}x')
"
