#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests: `pg-cluster.sh start DIR` creates one in DIR (initdb
# as a non-root user, a free local port, password auth over TCP, durability off for speed) and
# prints its URL; `pg-cluster.sh stop DIR` stops it and removes DIR; `crash DIR` stops it at
# once (pg_ctl stop -m immediate) keeping its data; `restart DIR` starts it again;
# `standby DIR PRIMARY_DIR` makes and starts a streaming standby of PRIMARY_DIR's cluster. Needs PostgreSQL 15+
# binaries (PG_BIN, else the newest under /usr/lib/postgresql). As root the cluster runs as the
# postgres user, so DIR's parent must be readable by it (callers: mktemp -d, then chmod 755).
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pg-cluster.sh start|stop|crash|restart|standby DIR [PRIMARY_DIR]" >&2; exit 2; }

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$b" ]; then echo "$b"; return; fi
  command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)" && return
  echo "no PostgreSQL binaries found (install postgresql, or set PG_BIN)" >&2; exit 1
}

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    bin=$(find_bin)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    pw="$dir/pw"
    echo entente > "$pw"
    [ "$(id -u)" = 0 ] && chown postgres "$pw"
    if ! as_owner "$bin/initdb" -D "$dir/data" -U entente --pwfile="$pw" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2; exit 1
    fi
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 4
CONF
    echo "host replication entente 127.0.0.1/32 scram-sha-256" >> "$dir/data/pg_hba.conf"
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
      cat "$dir/server.log" >&2; exit 1
    fi
    as_owner "$bin/psql" -h "$dir" -p "$port" -U entente -d postgres -qc 'CREATE DATABASE entente_test' >/dev/null
    echo "$bin" > "$dir/bin"
    echo "postgres://entente:entente@127.0.0.1:$port/entente_test" | tee "$dir/url"
    ;;
  standby)
    # A streaming standby of the cluster in PRIMARY_DIR (pg_basebackup -R), on its own port.
    primary=${3:?usage: pg-cluster.sh standby DIR PRIMARY_DIR}
    bin=$(cat "$primary/bin")
    pport=$(sed -n 's/^port = //p' "$primary/data/postgresql.conf" | tail -1)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    if ! as_owner env PGPASSWORD=entente "$bin/pg_basebackup" -h 127.0.0.1 -p "$pport" -U entente -D "$dir/data" -R -X stream -c fast >"$dir/basebackup.log" 2>&1; then
      cat "$dir/basebackup.log" >&2; exit 1
    fi
    printf "port = %s\nunix_socket_directories = '%s'\n" "$port" "$dir" | as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
      cat "$dir/server.log" >&2; exit 1
    fi
    echo "$bin" > "$dir/bin"
    sed "s/:$pport\//:$port\//" "$primary/url" | tee "$dir/url"
    ;;
  crash)
    # Stop at once, as a power cut would (no checkpoint, no goodbye to clients); the data stays.
    as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  restart)
    # Right after a crash the old postmaster may still hold its pid file: try a few times.
    for attempt in 1 2 3 4 5; do
      if as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then break; fi
      [ "$attempt" = 5 ] && { echo "pg-cluster.sh: could not restart $dir (see $dir/server.log)" >&2; exit 1; }
      sleep 1
    done
    ;;
  stop)
    if [ -f "$dir/bin" ] && [ -d "$dir/data" ]; then
      as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-cluster.sh start|stop|crash|restart|standby DIR [PRIMARY_DIR]" >&2; exit 2 ;;
esac
