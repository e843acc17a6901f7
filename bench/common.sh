# Shared by the bench scripts: source it after `set -euo pipefail`.
#   BIN               the built programs (build/bin)
#   require_built P…  stops with a message unless each program P is built
#   free_port         prints a free TCP port on 127.0.0.1
#   wait_port PORT    waits (10 s at most) until something listens on PORT
#   start_postgres D  a throw-away PostgreSQL 15 cluster in directory D (as the postgres user,
#                     fsync on as in production); sets PG_BIN and PG_PORT
#   stop_postgres D   stops it (nothing when it is not running)
BIN="$(dirname "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)")/build/bin"
PG_BIN=/usr/lib/postgresql/15/bin
# Debian installs nats-server in /usr/sbin, which a plain user's PATH may leave out.
command -v nats-server >/dev/null || PATH="$PATH:/usr/sbin"

require_built() {
    local program
    for program in "$@"; do
        [ -x "$BIN/$program" ] || { echo "build first: $BIN/$program is missing" >&2; exit 1; }
    done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_port() {
    for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
    return 1
}

start_postgres() {
    local dir=$1
    mkdir -p "$dir"
    chown postgres: "$dir"
    PG_PORT=$(free_port)
    su postgres -c "$PG_BIN/initdb -D '$dir' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
    su postgres -c "$PG_BIN/pg_ctl -D '$dir' -l '$dir/server.log' -w -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir' start" >/dev/null
}

stop_postgres() {
    [ -f "$1/postmaster.pid" ] && su postgres -c "$PG_BIN/pg_ctl -D '$1' -m fast -w stop" >/dev/null 2>&1
    return 0
}
