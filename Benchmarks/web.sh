#!/usr/bin/env bash
# Web benchmark (issue 5): requests/s and latency of `GET /` and `GET /api/v1/assessments` with
# wrk on loopback, each against nginx serving the same bytes as a static file, measured in the
# same run; and the server's resident memory when idle.
#   Benchmarks/web.sh [SECONDS] [CONNECTIONS]
# Needs wrk and nginx (Debian: wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
build=.build-release
swift build -c release --product planwatch --scratch-path $build >/dev/null
work=$(mktemp -d)
pw_port=18081
ng_port=18082
cleanup() {
  [ -n "${pw_pid:-}" ] && kill "$pw_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

$build/release/planwatch serve --demo --db "sqlite:$work/demo.sqlite" --port $pw_port >"$work/serve.log" 2>&1 &
pw_pid=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$pw_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pw_pid/status"; }
idle_start=$(rss_mb)

# The same bytes for nginx to serve as static files.
mkdir -p "$work/www/api/v1"
curl -fsS "http://127.0.0.1:$pw_port/" -o "$work/www/index.html"
curl -fsS "http://127.0.0.1:$pw_port/api/v1/assessments" -o "$work/www/api/v1/assessments"
. Benchmarks/reference.sh
start_nginx "$work" "$ng_port" 'location = /api/v1/assessments { default_type application/json; }'

echo "# Benchmarks/web.sh $seconds s, $connections connections"
echo "# machine: $(nproc) cores; build: release; wrk -t2 -c$connections --latency on loopback"
printf "%-26s %10s %12s %12s %12s %8s %10s\n" "request" "bytes" "planwatch/s" "nginx/s" "ratio" "goal" "p99 ms"
for path in / /api/v1/assessments; do
  file=$work/www${path}
  [ "$path" = / ] && file=$work/www/index.html
  bytes=$(stat -c %s "$file")
  # Warm the caches, then measure both in the same run.
  curl -fsS "http://127.0.0.1:$pw_port$path" >/dev/null
  read -r pw_rps pw_p99 pw_bad < <(run_wrk "http://127.0.0.1:$pw_port$path")
  read -r ng_rps _ ng_bad < <(run_wrk "http://127.0.0.1:$ng_port$path")
  require_ok planwatch "$pw_bad"
  require_ok nginx "$ng_bad"
  ratio=$(python3 -c "print(f'{$pw_rps / $ng_rps:.2f}')")
  verdict=$(python3 -c "print('met' if $pw_rps / $ng_rps >= 0.5 and $pw_p99 < 10 else 'NOT met')")
  printf "%-26s %10s %12s %12s %12s %8s %10s  %s\n" "GET $path" "$bytes" "$pw_rps" "$ng_rps" "$ratio" ">=0.50" "$pw_p99" "$verdict"
done
sleep 2
echo "server RSS: ${idle_start} MB idle after start, $(rss_mb) MB idle after the load (goal <= 64 MB)"
