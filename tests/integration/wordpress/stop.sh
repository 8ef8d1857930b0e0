#!/usr/bin/env bash
# Stops the test WordPress started by setup.sh: its web server (PHP's built-in one or Apache) and MariaDB.
# The data dir is kept (setup.sh reuses it); `setup.sh --reset` deletes it.
#
# Environment: SIEVE_WP_DIR (default /tmp/sieve-wordpress).
set -euo pipefail

DIR="${SIEVE_WP_DIR:-/tmp/sieve-wordpress}"
log() { echo "[wordpress-stop] $*" >&2; }
# A running process (not a zombie) with this pid.
alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# stop_pid NAME PIDFILE: TERM the process (and its process group: PHP's server workers), wait, then KILL.
stop_pid() {
  local name="$1" file="$2" pid
  if [ ! -f "$file" ]; then
    log "$name: not running (no $file)"
    return 0
  fi
  pid="$(cat "$file")"
  if ! alive "$pid"; then
    log "$name: not running (stale pid file)"
    rm -f "$file"
    return 0
  fi
  # Every server was started with setsid (Apache detaches itself), so the pid is also its process group.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do
    alive "$pid" || break
    sleep 0.25
  done
  if alive "$pid"; then
    log "$name: still running after 30 s, killing"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
  log "$name: stopped (pid $pid)"
}

stop_pid "PHP server" "$DIR/php-server.pid"
stop_pid "Apache" "$DIR/apache2.pid"
stop_pid "MariaDB" "$DIR/db/mysqld.pid"
