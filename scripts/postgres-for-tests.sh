#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary directory, listening on
# 127.0.0.1 only, on a free port, with trust authentication, fsync off (test data is disposable).
#
#   scripts/postgres-for-tests.sh start [DIR]   creates and starts it; prints the directory on the first line
#                                              and writes the Npgsql connection string to DIR/connection-string
#   scripts/postgres-for-tests.sh stop DIR      stops it and deletes DIR
#   scripts/postgres-for-tests.sh restart DIR   stops it abruptly (-m immediate) and starts it again on the same port
#
# Run as root, it installs the Debian package `postgresql` when missing and runs the server as the
# `postgres` user (PostgreSQL refuses to run as root). Run as another user, the server runs as that user.
set -euo pipefail

die() { echo "postgres-for-tests: $*" >&2; exit 1; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

ensure_installed() {
  if ! find_bin >/dev/null; then
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install them as root: apt-get install -y postgresql"
    echo "postgres-for-tests: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    find_bin >/dev/null || die "apt-get installed postgresql but initdb/pg_ctl are still missing under /usr/lib/postgresql/*/bin"
  fi
}

# Runs a command as the server's user: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  ensure_installed
  local bin dir port attempt
  bin=$(find_bin)
  dir="${1:-$(mktemp -d "${TMPDIR:-/tmp}/sweepgrid-pg.XXXXXX")}"
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && { id postgres >/dev/null 2>&1 || as_owner true; chown postgres "$dir"; }
  chmod 700 "$dir"

  as_owner "$bin/initdb" -D "$dir/data" -U sweepgrid -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || die "initdb failed (log: $dir/initdb.log): $(tail -n 5 "$dir/initdb.log")"

  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
      local connection="Host=127.0.0.1;Port=$port;Username=sweepgrid;Database=postgres"
      echo "$connection" >"$dir/connection-string"
      echo "$dir"
      echo "export SWEEPGRID_TEST_POSTGRES='$connection'"
      return 0
    fi
    # Most likely the port was taken between the check and the start: try another one.
    sed -i '/^listen_addresses = /,$d' "$dir/data/postgresql.conf"
  done
  die "could not start PostgreSQL after 10 ports (log: $dir/server.log): $(tail -n 5 "$dir/server.log" 2>/dev/null)"
}

stop() {
  local dir="${1:?usage: $0 stop DIR}" bin
  [[ -d "$dir/data" ]] || { rm -rf "$dir"; return 0; }
  bin=$(find_bin) || die "PostgreSQL binaries not found; cannot stop the server in $dir"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

restart() {
  local dir="${1:?usage: $0 restart DIR}" bin
  bin=$(find_bin) || die "PostgreSQL binaries not found; cannot restart the server in $dir"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1 \
    || die "could not restart PostgreSQL (log: $dir/server.log): $(tail -n 5 "$dir/server.log" 2>/dev/null)"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  restart) shift; restart "$@" ;;
  *) die "usage: $0 start [DIR] | stop DIR | restart DIR" ;;
esac
