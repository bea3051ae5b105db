#!/usr/bin/env bash
# A private PostgreSQL server for the real-client tests (a CTest fixture):
#
#   pg_fixture.sh start BINDIR STATE_DIR PORT PASSWORD_FILE
#   pg_fixture.sh stop  BINDIR STATE_DIR PORT
#
# start: initdb a fresh cluster in STATE_DIR/data (under the build tree; see below for root), listening on
# 127.0.0.1:PORT only (TCP) and on a Unix socket in STATE_DIR/socket that only its owner may
# use; creates the login role rsconn_test, whose password is the content of PASSWORD_FILE, and
# the database dev owned by it. 127.0.0.1 connections need that password (scram-sha-256);
# every other host is refused. A server left by an earlier run of this build tree is stopped
# first; any other process on PORT is an error. A watchdog stops the server after 30 minutes,
# so that it stops by itself even when the cleanup test never runs.
# stop: stops the server (and the watchdog). Safe to run when nothing is running.
#
# PostgreSQL refuses to run as root: as root, the server runs as the user "postgres".
set -euo pipefail

action=${1:?start or stop}
bindir=${2:?PostgreSQL bin directory}
state=${3:?state directory}
port=${4:?port}
password_file=${5:-}

# As root the server runs as the user postgres, which cannot reach a build tree inside a
# directory closed to others (a clone made under `mktemp -d`, or under /root). Then the state
# lives in /tmp instead, under a name derived from STATE_DIR, so that start and stop agree.
if [ "$(id -u)" = 0 ]; then
  relocated=/tmp/rsconn-pg-$(printf '%s' "$state" | cksum | cut -d' ' -f1)
  reachable=$state
  while [ ! -d "$reachable" ]; do reachable=$(dirname "$reachable"); done
  if [ -d "$relocated" ] || { id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$reachable"; }; then
    state=$relocated
  fi
fi

data=$state/data
socket=$state/socket
log=$state/server.log
watchdog_pid=$state/watchdog.pid
admin=rsconn_admin

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

stop_server() {
  if [ -z "${RSCONN_PG_WATCHDOG:-}" ] && [ -f "$watchdog_pid" ]; then
    # The watchdog leads its own process group (setsid): end it and its sleep.
    kill -- "-$(cat "$watchdog_pid")" 2>/dev/null || kill "$(cat "$watchdog_pid")" 2>/dev/null || true
    rm -f "$watchdog_pid"
  fi
  if [ -f "$data/postmaster.pid" ]; then
    as_server_user "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop ||
      as_server_user "$bindir/pg_ctl" -D "$data" -m immediate -w -t 60 stop || true
  fi
}

case $action in
  stop)
    stop_server
    if [ -f "$data/postmaster.pid" ]; then
      echo "pg_fixture: the server in $data did not stop" >&2
      exit 1
    fi
    echo "pg_fixture: stopped"
    exit 0
    ;;
  start) ;;
  *)
    echo "pg_fixture: unknown action $action" >&2
    exit 2
    ;;
esac

stop_server  # a server this build tree left running
if listening; then
  echo "pg_fixture: something else listens on 127.0.0.1:$port (not this build tree's server in $data)." >&2
  echo "pg_fixture: stop it (for an earlier rsconn build tree: pg_fixture.sh stop <bin> <its state dir> $port) and rerun." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "pg_fixture: running as root, but there is no user 'postgres' to run the server as" >&2
  exit 1
fi
if [ ${#socket} -gt 90 ]; then
  echo "pg_fixture: the socket directory path $socket is too long for a Unix socket; use a shorter build directory" >&2
  exit 1
fi

rm -rf "$state"
mkdir -p "$state" "$socket"
chmod 700 "$socket"
if [ "$(id -u)" = 0 ]; then
  chown -R postgres: "$state"
  if ! runuser -u postgres -- test -w "$state"; then
    echo "pg_fixture: the user postgres cannot write $state (a parent directory is closed to it)" >&2
    exit 1
  fi
fi

as_server_user "$bindir/initdb" -D "$data" -U "$admin" --encoding=UTF8 --locale=C \
  --auth-local=trust --auth-host=reject >"$state/initdb.log" 2>&1 || {
  cat "$state/initdb.log" >&2
  exit 1
}

# Only the owner of the socket may use it (trust), and only rsconn_test may log in over TCP,
# from 127.0.0.1, to dev, with its password.
cat >"$data/pg_hba.conf" <<HBA
local all $admin trust
host dev rsconn_test 127.0.0.1/32 scram-sha-256
HBA
cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
ssl = off
max_connections = 20
shared_buffers = 16MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_connections = on
CONF
if [ "$(id -u)" = 0 ]; then chown postgres: "$data/pg_hba.conf" "$data/postgresql.conf"; fi

if ! as_server_user "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null; then
  echo "pg_fixture: the server did not start; its log:" >&2
  cat "$log" >&2 || true
  exit 1
fi

# The watchdog: detached, silent (CTest waits for a test's output pipes to close).
RSCONN_PG_WATCHDOG=1 setsid bash -c 'sleep 1800; exec "$0" stop "$1" "$2" "$3"' \
  "$0" "$bindir" "$state" "$port" </dev/null >/dev/null 2>&1 &
echo $! >"$watchdog_pid"

password=$(cat "$password_file")
printf '%s\n' "CREATE ROLE rsconn_test LOGIN PASSWORD :'password';" "CREATE DATABASE dev OWNER rsconn_test;" |
  PGCLIENTENCODING=UTF8 as_server_user "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -v password="$password" \
    -h "$socket" -p "$port" -U "$admin" -d postgres || {
  echo "pg_fixture: could not create the role and the database" >&2
  stop_server
  exit 1
}
echo "pg_fixture: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database dev, user rsconn_test"
