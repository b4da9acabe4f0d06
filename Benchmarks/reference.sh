# The reference both web benchmarks measure against, sourced by web.sh and national.sh:
# nginx serving saved bytes from WORK/www, and wrk with the same settings for both servers.

# start_nginx WORK PORT LOCATIONS: LOCATIONS are extra nginx `location` lines (content types).
start_nginx() {
  local work=$1 port=$2 locations=$3
  mkdir -p "$work/tmp"
  # nginx's workers run as an unprivileged user: they must be able to read the saved bytes (a
  # mktemp folder is private), or every answer is a small 403 and the reference is false.
  chmod a+x "$work"
  chmod -R a+rX "$work/www"
  cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  etag on;
  default_type application/octet-stream;
  client_body_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    $locations
  }
}
NGINX
  nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" 2>/dev/null || nginx -c "$work/nginx.conf"
  sleep 0.5
}

# require_ok NAME NON_2XX: stops the benchmark when a server answered errors during a run.
require_ok() {
  [ "${2:-0}" = 0 ] || { echo "$1 answered $2 requests with errors; the figures would be false" >&2; exit 1; }
}

# run_wrk URL: prints "requests_per_second p99_ms non_2xx" for `connections` over `seconds`.
run_wrk() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /Non-2xx/ {bad=$5}
    /^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; p99=v}
    END {printf "%.0f %.2f %d\n", rps, p99, bad}'
}
