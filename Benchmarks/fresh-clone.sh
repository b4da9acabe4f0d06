#!/usr/bin/env bash
# What a newcomer waits for (issue 22): a fresh clone of this checkout's HEAD, then the README's
# two commands, timed by phase. A benchmark, not a test: it asserts nothing about time.
#
#   Benchmarks/fresh-clone.sh [--dir DIR] [--skip-tests] [--keep]
#
# Phases: resolve (`swift package resolve`), build (`swift build --product planwatch`, what
# `swift run planwatch serve` builds), first page (the server started by `swift run planwatch
# serve` until `GET /` answers 200), tests (`swift test` in the same clone: it builds the test
# targets and runs them). "Clone to first page" is resolve + build + first page; "clone to a
# passing swift test" is resolve + build + tests, which is what `swift test` alone costs on a
# fresh clone (it builds the same product and the tests). A reference is measured in the same
# run: the machine's core count and the load average at the start are printed, so two runs can
# be compared only when both were idle.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
dir="" skip_tests=0 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --skip-tests) skip_tests=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh-clone.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] || dir=$(mktemp -d /tmp/planwatch-fresh.XXXXXX)
export PATH="/opt/swift/usr/bin:$PATH"
port=${PLANWATCH_FRESH_PORT:-58123}

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.0f}')" "$1" "$(now)"; }

rm -rf "$dir"
git clone --quiet --no-hardlinks "$source_dir" "$dir"
cd "$dir"
echo "# Benchmarks/fresh-clone.sh: $(git log -1 --format='%h %s' | cut -c1-72)"
echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"

t=$(now); swift package resolve >/dev/null 2>&1; resolve=$(since "$t")
echo "resolve    : ${resolve} s"
# Each line of the build's output is stamped with the seconds since the build began, so
# build.log (kept with --keep) shows when each module started and finished compiling.
t=$(now)
swift build --product planwatch 2>&1 | python3 -u -c '
import sys, time
t0 = time.monotonic()
for line in sys.stdin:
    sys.stdout.write(f"{time.monotonic() - t0:7.1f} {line}")
' > build.log
[ "${PIPESTATUS[0]}" = 0 ] || { tail -30 build.log; exit 1; }
build=$(since "$t")
steps=$(grep -c '^ *[0-9.]* \[[0-9]*/[0-9]*\] Compiling' build.log || true)
modules=$(python3 - build.log <<'PY'
import re, sys
spans = {}
for line in open(sys.argv[1]):
    m = re.match(r" *([0-9.]+) \[\d+/\d+\] (?:Compiling|Emitting module) ([A-Za-z_][A-Za-z0-9_]*) ", line)
    if m:
        t, name = float(m.group(1)), m.group(2)
        a, b = spans.get(name, (t, t))
        spans[name] = (min(a, t), max(b, t))
own = ["PlanCore", "PlanStore", "PlanWeb", "planwatch"]
print(", ".join(f"{n} {spans[n][0]:.0f}-{spans[n][1]:.0f} s" for n in own if n in spans))
PY
)
echo "build      : ${build} s (${steps} compile steps; own modules compiled at ${modules})"
t=$(now)
swift run planwatch serve --port "$port" --db "sqlite:$dir/fresh.sqlite" > serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
  kill -0 $server 2>/dev/null || { cat serve.log; exit 1; }
  sleep 0.2
done
first=$(since "$t")
kill $server; wait $server 2>/dev/null || true
echo "first page : ${first} s after the build"
echo "clone to first page: $((resolve + build + first)) s (goal <= 480 s)"
if [ "$skip_tests" = 0 ]; then
  t=$(now); swift test > test.log 2>&1 || { tail -40 test.log; exit 1; }; tests=$(since "$t")
  echo "tests      : ${tests} s ($(grep -Eo 'Test run with [0-9]+ tests' test.log | tail -1))"
  echo "clone to a passing swift test: $((resolve + build + tests)) s (goal <= 900 s)"
fi
cd /; [ "$keep" = 1 ] || rm -rf "$dir"
