#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and trials: a fresh cluster in a temporary
# folder, listening on 127.0.0.1 only, on a free port, trusting local connections.
#
#   scripts/start-postgres.sh [DIR]    start (DIR: an empty folder; default: a new temp one)
#                                      and print the URL, postgresql://marsad@127.0.0.1:PORT/marsad
#   scripts/start-postgres.sh --stop DIR    stop it (the folder is left for the caller)
#
# Installs Debian's `postgresql` with apt-get when no server binaries are found. As root the
# server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

find_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }
    done
    dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

as_server_user() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

BINDIR=$(find_bindir || true)
if [[ -z "$BINDIR" ]]; then
    echo "start-postgres: installing Debian's postgresql (apt-get)" >&2
    if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo -n"; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    BINDIR=$(find_bindir || true)
    [[ -n "$BINDIR" ]] || { echo "start-postgres: no PostgreSQL server binaries" >&2; exit 1; }
fi

if [[ "${1:-}" == "--stop" ]]; then
    as_server_user "$BINDIR/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1 || true
    exit 0
fi

DIR=${1:-$(mktemp -d /tmp/marsad-pg.XXXXXX)}
mkdir -p "$DIR"
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$DIR"
    chmod 0755 "$DIR"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_server_user "$BINDIR/initdb" -D "$DIR/data" -U marsad --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { echo "start-postgres: initdb failed, see $DIR/initdb.log" >&2; exit 1; }
as_server_user "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { echo "start-postgres: server did not start, see $DIR/server.log" >&2; exit 1; }
as_server_user "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U marsad marsad
echo "postgresql://marsad@127.0.0.1:$PORT/marsad"
