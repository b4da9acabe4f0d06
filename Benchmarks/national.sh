#!/usr/bin/env bash
# National-scale benchmark (issue 6): a synthetic plan of thousands of projects and ~100,000
# indicators with monthly values, loaded into a fresh SQLite database, then served:
#   cold start of `serve` to the first answered request, resident memory, wrk on a paginated
#   assessments page and a project page against nginx serving the same bytes (same run), the
#   time from approving one value to it being published, and a quarter-end rush of reporters
#   submitting through the API while readers browse, with every acknowledged write checked in
#   the database afterwards.
#
#   Benchmarks/national.sh [--projects N] [--indicators M] [--per-indicator K] [--seed S]
#                          [--seconds S] [--connections C] [--reporters R] [--per-reporter P]
#                          [--readers N] [--rush-max-rss-mb MB] [--keep DIR] [--skip-build]
#                          [--reuse] [--no-wrk] [--bin DIR]   # --reuse: the database already in --keep DIR;
#                                                              # --bin: binaries from DIR, no build
#   Benchmarks/national.sh --smoke        # tiny sizes, seconds; asserts behaviour, never timings
#
# Defaults: 2,000 projects, 100,000 indicators, 100 monthly values each (10,000,000 facts),
# 200 reporters × 10 submissions while 64 readers browse. Needs python3 and sqlite3; wrk and
# nginx (Debian: wrk nginx-light) for the throughput part, which --smoke skips.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

projects=2000 indicators=100000 per=100 seed=1 seconds=10 connections=64
reporters=200 per_reporter=10 readers=64 rush_max_rss_mb=16000 keep="" smoke=0 skip_build=0 reuse=0 no_wrk=0 bin=""
while [ $# -gt 0 ]; do
  case $1 in
    --projects) projects=$2; shift 2 ;;
    --indicators) indicators=$2; shift 2 ;;
    --per-indicator) per=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --reporters) reporters=$2; shift 2 ;;
    --per-reporter) per_reporter=$2; shift 2 ;;
    --readers) readers=$2; shift 2 ;;
    --rush-max-rss-mb) rush_max_rss_mb=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --skip-build) skip_build=1; shift ;;
    --bin) bin=$2; skip_build=1; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --no-wrk) no_wrk=1; shift ;;
    --smoke) smoke=1; projects=8 indicators=80 per=3 seconds=1 reporters=8 per_reporter=3 readers=4; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$reporters" -le "$projects" ] || { echo "--reporters must not exceed --projects" >&2; exit 2; }
[ "$reuse" = 1 ] && [ -z "$keep" ] && { echo "--reuse needs --keep DIR" >&2; exit 2; }

build=.build-release
# --bin DIR takes planwatch and planwatch-bench from DIR (CI's smoke run uses its debug build).
binaries=${bin:-$build/release}
if [ "$skip_build" = 0 ]; then
  swift build -c release --product planwatch --scratch-path $build >/dev/null
  swift build -c release --product planwatch-bench --scratch-path $build >/dev/null
fi
if [ -n "$keep" ]; then work=$keep; mkdir -p "$work"; else work=$(mktemp -d); fi
# Private copies, so a rebuild during a long run does not swap the binaries under it.
mkdir -p "$work/bin"
cp "$binaries/planwatch" "$binaries/planwatch-bench" "$work/bin/"
pw=$work/bin/planwatch
export MEASURE_OUT=$work/measure.out
bench=$work/bin/planwatch-bench
db="sqlite:$work/national.sqlite"
port=$((18600 + RANDOM % 200))
ng_port=$((port + 1))
use_wrk=0
if [ "$smoke" = 0 ] && [ "$no_wrk" = 0 ] && command -v wrk >/dev/null && command -v nginx >/dev/null; then use_wrk=1; fi

cleanup() {
  [ -n "${pw_pid:-}" ] && kill "$pw_pid" 2>/dev/null || true
  [ -n "${wrk_pid:-}" ] && kill "$wrk_pid" 2>/dev/null || true
  [ -n "${watch_pid:-}" ] && kill "$watch_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -z "$keep" ] && rm -rf "$work"
  return 0
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$(now)"; }
# Runs a command, prints "seconds peak_rss_mb" (its maximum resident set); its output goes to $MEASURE_OUT.
measure() {
  python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
elapsed = time.perf_counter() - t
open(os.environ["MEASURE_OUT"], "wb").write(r.stdout)
if r.returncode != 0:
    sys.stderr.write(r.stdout.decode()); sys.exit(r.returncode)
print(f"{elapsed:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")
PY
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pw_pid/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pw_pid/status"; }

git_rev=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git status --porcelain -- Sources 2>/dev/null | grep -c . || true)
facts_total=$((indicators * per))
echo "# Benchmarks/national.sh --projects $projects --indicators $indicators --per-indicator $per --seed $seed --seconds $seconds --connections $connections --reporters $reporters --per-reporter $per_reporter --readers $readers$([ "$smoke" = 1 ] && echo " (--smoke)")"
echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), build: release ($build), source: $git_rev$([ "$dirty" != 0 ] && echo " + $dirty uncommitted files in Sources/")"
echo "# size: $projects projects, $indicators indicators, $per monthly values each = $facts_total facts (+ ~5% corrections, 2% left for approval)"

if [ "$reuse" = 1 ] && [ -f "$work/national.sqlite" ]; then
  echo "reusing the database in $work ($(du -h "$work/national.sqlite" | cut -f1)); generating and loading skipped; $(($(wc -l <"$work/tokens.tsv"))) reporter tokens"
  reporters=$(wc -l <"$work/tokens.tsv")
  coord=$(cat "$work/coordinator.token" 2>/dev/null || "$pw" token add "bench coordinator" --org bench-office --role coordinator --db "$db" 2>/dev/null)
else
# 1. Generate.
t=$(now)
$bench national-plan --projects "$projects" --indicators "$indicators" --seed "$seed" --out "$work/plan.yaml" >/dev/null
$bench national-plan --projects "$projects" --indicators "$projects" --seed "$seed" --out "$work/skeleton.yaml" >/dev/null
$bench national-facts --projects "$projects" --indicators "$indicators" --seed "$seed" --per-indicator "$per" \
  --out "$work/facts.csv" --revisions "$work/revisions.csv" --pending "$work/pending.csv" \
  --rush "$work/rush.tsv" --rush-projects "$reporters" >/dev/null
echo "generate: $(since "$t") s; plan $(du -h "$work/plan.yaml" | cut -f1), facts $(du -h "$work/facts.csv" | cut -f1) ($(($(wc -l <"$work/facts.csv") - 1)) rows), corrections $(($(wc -l <"$work/revisions.csv") - 1)), pending $(($(wc -l <"$work/pending.csv") - 1))"

# 2. Check and load the plan, then import the facts.
read -r s mb < <(measure "$pw" plan check "$work/plan.yaml")
echo "plan check: $s s, peak $mb MB: $(tail -1 "$MEASURE_OUT")"
# Accounts first, on a skeleton of the plan (the same projects, one indicator each): every
# `org assign` reads the current plan, which at national scale is a 40 MB YAML parse per command.
"$pw" plan load "$work/skeleton.yaml" --db "$db" >/dev/null 2>&1
t=$(now)
"$pw" org add bench-office --name-ko "벤치마크 총괄과" --db "$db" >/dev/null
coord=$("$pw" token add "bench coordinator" --org bench-office --role coordinator --db "$db" 2>/dev/null)
echo "$coord" >"$work/coordinator.token"
: >"$work/tokens.tsv"
orgs=$(( (reporters + 9) / 10 ))
for o in $(seq 1 "$orgs"); do "$pw" org add "bench-r$o" --name-ko "벤치마크 보고기관 $o" --db "$db" >/dev/null; done
i=0
for project in $(cut -f1 "$work/rush.tsv" | uniq); do
  o=$(( i / 10 + 1 ))
  "$pw" org assign "bench-r$o" "$project" --db "$db" >/dev/null
  secret=$("$pw" token add "reporter $project" --org "bench-r$o" --role reporter --db "$db" 2>/dev/null)
  printf '%s\t%s\n' "$secret" "$project" >>"$work/tokens.tsv"
  i=$((i + 1))
done
echo "accounts: 1 coordinator token, $orgs organizations, $reporters reporter tokens each on its own project: $(since "$t") s"
read -r s mb < <(measure "$pw" plan load "$work/plan.yaml" --db "$db")
echo "plan load: $s s, peak $mb MB"
read -r s mb < <(measure "$pw" org add bench-extra --name-ko "추가 기관" --db "$db")
read -r s mb < <(measure "$pw" org assign bench-extra 1-1 --db "$db")
echo "one org assign on the national plan: $s s, peak $mb MB (it parses the stored plan)"
read -r s mb < <(measure "$pw" import observations "$work/facts.csv" --db "$db" --approve)
echo "import facts (--approve): $s s ($(python3 -c "print(f'{$facts_total / $s:,.0f}')") rows/s), peak $mb MB"
read -r s mb < <(measure "$pw" import observations "$work/revisions.csv" --db "$db" --approve)
echo "import corrections (--approve): $s s, peak $mb MB"
read -r s mb < <(measure "$pw" import observations "$work/pending.csv" --db "$db")
echo "import values left for approval: $s s, peak $mb MB"
echo "database: $(du -h "$work/national.sqlite" | cut -f1), $(sqlite3 "$work/national.sqlite" "SELECT count(*) FROM observations") observations ($(sqlite3 "$work/national.sqlite" "SELECT count(*) FROM observations WHERE state='approved'") approved)"

fi

# 3. Cold start: from process start to the first 200 on /healthz.
t=$(now)
"$pw" serve --db "$db" --port "$port" --no-access-log >"$work/serve.log" 2>&1 &
pw_pid=$!
# If memory runs out, the kernel should end this server, not anything else on the machine.
echo 1000 >"/proc/$pw_pid/oom_score_adj" 2>/dev/null || true
until curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; do
  kill -0 "$pw_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "serve exited"; }
  sleep 0.02
done
cold=$(since "$t")
rss_start=$(rss_mb)
echo "cold start (process start to first 200 on /healthz): $cold s (goal <= 2 s); RSS $rss_start MB"

# 4. Throughput against nginx serving the same bytes.
mid=$(sed -n "$(( (reporters + 1) / 2 ))p" "$work/rush.tsv" | cut -f1)
[ -z "$mid" ] && mid=1-1
offset=$(( indicators / 2 ))
paths=("/api/v1/assessments?limit=100" "/api/v1/assessments?limit=100&offset=$offset" "/projects/$mid")
types=("application/json" "application/json" "text/html; charset=utf-8")
mkdir -p "$work/www" "$work/tmp"
for n in 0 1 2; do
  t=$(now)
  curl -fsS "http://127.0.0.1:$port${paths[$n]}" -o "$work/www/r$n" || fail "GET ${paths[$n]}"
  first[$n]=$(since "$t")
done
echo "first (uncached) answers: ${paths[0]} ${first[0]} s, ${paths[1]} ${first[1]} s, ${paths[2]} ${first[2]} s"
results=()
if [ "$use_wrk" = 1 ]; then
  . "$root/Benchmarks/reference.sh"
  start_nginx "$work" "$ng_port" "location = /r0 { default_type \"${types[0]}\"; } location = /r1 { default_type \"${types[1]}\"; } location = /r2 { default_type \"${types[2]}\"; }"
  echo "wrk -t2 -c$connections -d${seconds}s --latency on loopback, planwatch then nginx, same bytes"
  printf "%-50s %8s %12s %10s %7s %8s %8s\n" "request" "bytes" "planwatch/s" "nginx/s" "ratio" "p99 ms" "nginx p99"
  for n in 0 1 2; do
    read -r pw_rps pw_p99 pw_bad < <(run_wrk "http://127.0.0.1:$port${paths[$n]}")
    read -r ng_rps ng_p99 ng_bad < <(run_wrk "http://127.0.0.1:$ng_port/r$n")
    require_ok nginx "$ng_bad"
    ratio=$(python3 -c "print(f'{$pw_rps / $ng_rps:.2f}')")
    [ "$pw_bad" = 0 ] || echo "  ($pw_bad answers were not 2xx/3xx)"
    printf "%-50s %8s %12s %10s %7s %8s %8s\n" "GET ${paths[$n]}" "$(stat -c %s "$work/www/r$n")" "$pw_rps" "$ng_rps" "$ratio" "$pw_p99" "$ng_p99"
  done
else
  echo "throughput: skipped ($([ "$smoke" = 1 ] && echo "--smoke" || echo "wrk or nginx missing"))"
fi
sleep 1
echo "server RSS after the reads: $(rss_mb) MB, peak so far $(hwm_mb) MB (goal <= 1536 MB)"

# 5. One approval: the project's reporter submits one value, the coordinator approves it (never
# the same token: four eyes), and we wait until the API shows it.
indicator=$(sed -n 1p "$work/rush.tsv" | cut -f2)
project=$(sed -n 1p "$work/rush.tsv" | cut -f1)
value=$(sed -n 1p "$work/rush.tsv" | cut -f3)
reporter=$(awk -F'\t' -v p="$project" '$2 == p { print $1; exit }' "$work/tokens.tsv")
approval=$(python3 - "$port" "$coord" "$project" "$indicator" "$value" "$reporter" <<'PY'
import http.client, json, sys, time, datetime
port, token, project, indicator, value, reporter = sys.argv[1:]
year = str(datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))).year)
def call(method, path, body=None, auth=True, as_token=None):
    c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=600)
    h = {"Content-Type": "application/json"}
    if auth: h["Authorization"] = f"Bearer {as_token or token}"
    t = time.perf_counter()
    c.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=h)
    r = c.getresponse(); data = r.read(); c.close()
    return r.status, data, time.perf_counter() - t
out = {}
for attempt in range(2):
    s, d, submit_s = call("POST", f"/api/v1/projects/{project}/reports",
                          {"submit": True, "observations": [{"indicatorId": indicator, "period": year, "value": value, "note": f"approval {attempt}"}]},
                          as_token=reporter)
    if s != 201: print(json.dumps({"error": f"submit {s} {d[:300]!r}"})); sys.exit(0)
    fid = json.loads(d)["facts"][0]["id"]
    t0 = time.perf_counter()
    s, d, approve_s = call("POST", f"/api/v1/reports/observation/{fid}/approve")
    if s != 200: print(json.dumps({"error": f"approve {s} {d[:300]!r}"})); sys.exit(0)
    while True:
        s, d, _ = call("GET", f"/api/v1/indicators/{indicator}/observations", auth=False)
        if s == 200 and any(o.get("id") == fid or str(o.get("id")) == str(fid) for o in json.loads(d).get("observations", json.loads(d) if isinstance(json.loads(d), list) else [])):
            break
        if time.perf_counter() - t0 > 600: print(json.dumps({"error": "not visible after 600 s"})); sys.exit(0)
        time.sleep(0.005)
    visible_s = time.perf_counter() - t0
    out[attempt] = (submit_s, approve_s, visible_s)
print(" ".join(f"{x:.3f}" for v in out.values() for x in v))
PY
)
case $approval in
  *error*) fail "approval: $approval" ;;
esac
read -r sub1 app1 vis1 sub2 app2 vis2 <<<"$approval"
echo "one approval, twice: submit ${sub1}/${sub2} s; approve answered (after the rebuild, which runs inside it) ${app1}/${app2} s; approval to visible in the API ${vis1}/${vis2} s (goal <= 0.2 s)"
echo "server log: $(grep -c 'published read model version' "$work/serve.log") read-model publications; RSS $(rss_mb) MB, peak $(hwm_mb) MB"

# 6. Quarter-end rush: reporters submit through the API while readers browse.
{
  echo "/"
  for p in $(cut -f1 "$work/rush.tsv" | uniq | head -50); do echo "/projects/$p"; done
  cut -f2 "$work/rush.tsv" | awk 'NR % 97 == 1' | head -50 | sed 's|^|/indicators/|'
  for o in 0 $(( indicators / 7 )) $(( indicators / 3 )) $(( indicators / 2 )) $(( indicators * 9 / 10 )); do echo "/api/v1/assessments?limit=100&offset=$o"; done
} >"$work/paths.txt"
hwm_before=$(hwm_mb)
( peak=0; while kill -0 "$pw_pid" 2>/dev/null; do
    r=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pw_pid/status" 2>/dev/null || echo 0)
    if [ "${r:-0}" -gt "$rush_max_rss_mb" ]; then echo "watchdog: server RSS $r MB > $rush_max_rss_mb MB, stopped it" >"$work/watchdog"; kill "$pw_pid"; fi
    sleep 0.5; done ) &
watch_pid=$!
rush_readers=0
if [ "$use_wrk" = 1 ]; then
  cat >"$work/paths.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
  wrk -t2 -c"$readers" -d3600s --latency --timeout 30s -s "$work/paths.lua" "http://127.0.0.1:$port" >"$work/wrk-rush.txt" 2>&1 &
  wrk_pid=$!
else
  rush_readers=$readers
fi
rush=$(python3 Benchmarks/national_rush.py --port "$port" --tokens "$work/tokens.tsv" --targets "$work/rush.tsv" \
  --per-reporter "$per_reporter" --acks "$work/acks.tsv" --readers "$rush_readers" --paths "$work/paths.txt")
if [ -n "${wrk_pid:-}" ]; then kill -INT "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true; wrk_pid=""; fi
[ -f "$work/watchdog" ] && { cat "$work/watchdog"; fail "rush aborted"; }
echo "rush: $rush"
if [ "$use_wrk" = 1 ]; then
  echo "rush readers (wrk -c$readers over $(wc -l <"$work/paths.txt") pages): $(awk '/Requests\/sec/ {printf "%s req/s", $2} /^ +50%/ {printf ", p50 %s", $2} /^ +99%/ {printf ", p99 %s", $2} /requests in/ {printf ", %s requests", $1} /Non-2xx/ {printf ", NON-2xx %s", $5} /Socket errors/ {sub(/^ +/, ""); printf ", %s", $0}' "$work/wrk-rush.txt")"
fi
echo "server RSS after the rush: $(rss_mb) MB, peak $(hwm_mb) MB (peak before the rush $hwm_before MB)"

# No lost writes: every acknowledged submission is in the database, submitted, exactly once.
verify=$(python3 - "$work/national.sqlite" "$work/acks.tsv" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
acks = [l.split("\t") for l in open(sys.argv[2]).read().splitlines() if l]
missing = 0
for fid, indicator, period in acks:
    row = db.execute("SELECT indicator_id, period, state FROM observations WHERE id = ?", (int(fid),)).fetchone()
    if row is None or row[0] != indicator or row[2] != "submitted":
        missing += 1
stored = db.execute("SELECT count(*) FROM observations WHERE source = 'bench rush'").fetchone()[0]
print(f"{len(acks)} {missing} {stored}")
PY
)
read -r acked missing stored <<<"$verify"
echo "writes: $acked acknowledged, $missing of them missing or wrong in the database, $stored rows from the rush stored"
"$pw" audit verify --db "$db" 2>&1 | tail -1

# Smoke assertions: behaviour only, never timings.
if [ "$smoke" = 1 ]; then
  expected=$((reporters * per_reporter))
  [ "$acked" = "$expected" ] || fail "smoke: $acked of $expected submissions acknowledged"
  [ "$missing" = 0 ] || fail "smoke: $missing acknowledged writes missing"
  [ "$stored" = "$expected" ] || fail "smoke: $stored rows stored for $expected submissions"
  python3 -c "import json, sys; r = json.loads(sys.argv[1]); bad = {k: v for k, v in r['read_statuses'].items() if k not in ('200', '304')}; sys.exit(f'smoke: reads failed: {bad}' if bad or not r['read_statuses'] else 0)" "$rush"
  echo "smoke: ok"
fi
