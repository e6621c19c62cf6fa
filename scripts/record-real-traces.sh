#!/bin/bash
# Record `strace -f` logs of real programs using AF_UNIX sockets into fixtures/traces/*.strace:
# socat, OpenBSD netcat, CPython (scripts in fixtures/programs/*.py) and a classic forking C echo
# server/client (fixtures/programs/fork_*.c). Also copies the three traces shipped with the kernel
# oracle (../shared/kernel-oracle/strace/*.strace) as shared_*.strace. fixtures/traces/README.md says
# what each trace shows.
#
#   scripts/record-real-traces.sh        (as root; needs strace, socat, netcat-openbsd, gcc, python3)
#
# Sockets and scratch files live under /tmp/rdv, which is emptied first and removed at the end.
# Only processes started here are signalled, always by pid. Safe to run again (traces are overwritten).
set -uo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C

REPO=$(cd "$(dirname "$0")/.." && pwd)
KO=${KO:-$REPO/../shared/kernel-oracle}
OUT=$REPO/fixtures/traces
PROG=$REPO/fixtures/programs
PY=/usr/bin/python3
R=/tmp/rdv
BIN=$R/bin
ST=(strace -f -tt -s 256)
STYY=(strace -f -tt -s 256 -yy)

STARTED=()   # pids of background processes started here, for cleanup on error
FAIL=0
cleanup() {
  for p in "${STARTED[@]}"; do
    if kill -0 "$p" 2>/dev/null; then kill -TERM "$p" 2>/dev/null; fi
  done
  wait 2>/dev/null
  rm -rf "$R"
}
trap cleanup EXIT

fail() { echo "FAILED: $*" >&2; FAIL=1; }

# wait until PATH is a socket file (bound); 10 s at most
waitfor_sock() {
  for _ in $(seq 1 200); do [ -S "$1" ] && return 0; sleep 0.05; done
  fail "timeout waiting for socket $1"; return 1
}

# the single child of PID (the program that strace PID started); 10 s at most
child_of() {
  local c
  for _ in $(seq 1 200); do
    c=$(pgrep -P "$1" | head -1)
    [ -n "$c" ] && { echo "$c"; return 0; }
    sleep 0.05
  done
  return 1
}

# 0 while PID is alive and not a zombie
alive() {
  local st
  st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  st=${st##*) }
  [ "${st:0:1}" != Z ]
}

# wait until PID has no children left (its per-connection children are done); 10 s at most
wait_no_children() {
  for _ in $(seq 1 200); do
    [ -z "$(pgrep -P "$1")" ] && return 0
    sleep 0.05
  done
  fail "pid $1 still has children"; return 1
}

# wait for background PID (started here) to end, SECS seconds at most (then SIGTERM it); sets RC
wait_pid() {
  local pid=$1 secs=${2:-20}
  for _ in $(seq 1 $((secs * 20))); do alive "$pid" || break; sleep 0.05; done
  if alive "$pid"; then fail "pid $pid still running after ${secs}s; sending SIGTERM"; kill -TERM "$pid"; fi
  wait "$pid"; RC=$?
}

step() { echo; echo "== $*"; }

rm -rf "$R"
mkdir -p "$R" "$BIN" "$OUT"
gcc -O2 -Wall -Wextra -o "$BIN/fork_server" "$PROG/fork_server.c" || exit 1
gcc -O2 -Wall -Wextra -o "$BIN/fork_client" "$PROG/fork_client.c" || exit 1
cd "$R"

# ---------------------------------------------------------------- socat
socat_fork_server() { # $1 = output name, $2.. = strace command
  local name=$1; shift
  local sock=$R/socat.sock sp main
  rm -f "$sock"
  "$@" -o "$OUT/$name.strace" socat UNIX-LISTEN:$sock,fork EXEC:cat &
  sp=$!; STARTED+=("$sp")
  waitfor_sock "$sock"
  printf 'hello from client 1\n' | socat -t 0.5 - UNIX-CONNECT:$sock || fail "socat client 1"
  printf 'hello from client 2\n' | socat -t 0.5 - UNIX-CONNECT:$sock || fail "socat client 2"
  main=$(child_of "$sp") || { fail "no socat under strace $sp"; return; }
  wait_no_children "$main"
  kill -TERM "$main"            # the socat main process (strace's child), by pid
  wait_pid "$sp"; echo "traced socat server: strace exit status $RC (143 = SIGTERM)"
}

step "socat UNIX-LISTEN,fork EXEC:cat server traced; 2 untraced clients; SIGTERM to the server"
socat_fork_server socat_fork_server "${ST[@]}"
step "the same with strace -yy"
socat_fork_server socat_fork_server_yy "${STYY[@]}"

step "socat UNIX-CONNECT client traced; untraced socat fork server"
rm -f $R/socat.sock
socat UNIX-LISTEN:$R/socat.sock,fork EXEC:cat &
SP=$!; STARTED+=("$SP")
waitfor_sock $R/socat.sock
printf 'hello from the traced client\nsecond line\n' \
  | "${ST[@]}" -o "$OUT/socat_client.strace" socat - UNIX-CONNECT:$R/socat.sock || fail "traced socat client"
wait_no_children "$SP"; kill -TERM "$SP"; wait "$SP"

step "socat ABSTRACT-LISTEN and ABSTRACT-CONNECT, both in one trace (driver: sh)"
"${ST[@]}" -o "$OUT/socat_abstract.strace" sh -c '
  socat ABSTRACT-LISTEN:rdv-socat-abs EXEC:cat &
  sleep 0.2
  until grep -q "@rdv-socat-abs\$" /proc/net/unix; do sleep 0.1; done
  printf "hello abstract\n" | socat -t 0.5 - ABSTRACT-CONNECT:rdv-socat-abs
  wait' || fail "socat abstract"

step "socat UNIX-RECV datagram receiver traced; 2 untraced UNIX-SENDTO senders; SIGTERM to the receiver"
rm -f $R/socat-dg.sock
"${ST[@]}" -o "$OUT/socat_dgram_recv.strace" socat -u UNIX-RECV:$R/socat-dg.sock STDOUT > $R/socat-dg.out &
SP=$!; STARTED+=("$SP")
waitfor_sock $R/socat-dg.sock
printf 'datagram one\n' | socat -u STDIN UNIX-SENDTO:$R/socat-dg.sock || fail "socat sender 1"
printf 'datagram two\n' | socat -u STDIN UNIX-SENDTO:$R/socat-dg.sock || fail "socat sender 2"
for _ in $(seq 1 100); do [ "$(wc -l < $R/socat-dg.out)" -ge 2 ] && break; sleep 0.05; done
MAIN=$(child_of "$SP") && kill -TERM "$MAIN"
wait_pid "$SP"; echo "receiver got:"; cat $R/socat-dg.out

step "socat UNIX-SENDTO sender traced; untraced UNIX-RECV receiver"
rm -f $R/socat-dg.sock $R/socat-dg.out
socat -u UNIX-RECV:$R/socat-dg.sock STDOUT > $R/socat-dg.out &
SP=$!; STARTED+=("$SP")
waitfor_sock $R/socat-dg.sock
printf 'datagram from the traced sender\n' \
  | "${ST[@]}" -o "$OUT/socat_dgram_send.strace" socat -u STDIN UNIX-SENDTO:$R/socat-dg.sock || fail "traced socat sender"
for _ in $(seq 1 100); do [ -s $R/socat-dg.out ] && break; sleep 0.05; done
kill -TERM "$SP"; wait "$SP"; echo "receiver got:"; cat $R/socat-dg.out

# ---------------------------------------------------------------- OpenBSD netcat
# -N: shut down the socket's write side at stdin EOF. The server's stdin stays open a little longer
# than the client's so that lines go both ways before either side shuts down.
nc_stream() { # $1 = server|client: which side is traced
  local sock=$R/nc.sock np sout cout
  rm -f "$sock"
  if [ "$1" = server ]; then
    ( sleep 0.4; printf 'from server 1\nfrom server 2\n' ) \
      | "${ST[@]}" -o "$OUT/nc_server.strace" nc -N -lU "$sock" > $R/nc_server.out &
  else
    ( sleep 0.4; printf 'from server 1\nfrom server 2\n' ) | nc -N -lU "$sock" > $R/nc_server.out &
  fi
  np=$!; STARTED+=("$np")
  waitfor_sock "$sock"
  if [ "$1" = client ]; then
    ( printf 'from client 1\nfrom client 2\n'; sleep 0.8 ) \
      | "${ST[@]}" -o "$OUT/nc_client.strace" nc -N -U "$sock" > $R/nc_client.out || fail "nc client"
  else
    ( printf 'from client 1\nfrom client 2\n'; sleep 0.8 ) | nc -N -U "$sock" > $R/nc_client.out || fail "nc client"
  fi
  wait_pid "$np"; [ "$RC" = 0 ] || fail "nc server exit status $RC"
  echo "server got: $(tr '\n' '|' < $R/nc_server.out)  client got: $(tr '\n' '|' < $R/nc_client.out)"
  [ "$(cat $R/nc_server.out)" = $'from client 1\nfrom client 2' ] || fail "nc server output"
  [ "$(cat $R/nc_client.out)" = $'from server 1\nfrom server 2' ] || fail "nc client output"
}
step "nc -N -lU server traced; untraced nc -N -U client"
nc_stream server
step "nc -N -U client traced; untraced nc -N -lU server"
nc_stream client

# Datagrams: the nc -uU client binds its own temporary socket so the server can answer; the
# nc -luU server connect()s to the first sender and sends its stdin there. It never exits by
# itself: it gets SIGTERM (by pid) once the exchange is done. The client exits 1 s after stdin EOF (-w 1).
nc_dgram() { # $1 = server|client
  local sock=$R/ncdg.sock np target
  rm -f "$sock" $R/ncdg_server.out $R/ncdg_client.out
  if [ "$1" = server ]; then
    ( sleep 0.6; printf 'reply from server\n'; sleep 5 ) \
      | "${ST[@]}" -o "$OUT/nc_dgram_server.strace" nc -luU "$sock" > $R/ncdg_server.out &
  else
    ( sleep 0.6; printf 'reply from server\n'; sleep 5 ) | nc -luU "$sock" > $R/ncdg_server.out &
  fi
  np=$!; STARTED+=("$np")
  waitfor_sock "$sock"
  if [ "$1" = client ]; then
    ( printf 'dgram 1 via nc\n'; sleep 0.2; printf 'dgram 2 via nc\n'; sleep 1 ) \
      | "${ST[@]}" -o "$OUT/nc_dgram_client.strace" nc -uU -w 1 "$sock" > $R/ncdg_client.out || fail "nc dgram client"
  else
    ( printf 'dgram 1 via nc\n'; sleep 0.2; printf 'dgram 2 via nc\n'; sleep 1 ) \
      | nc -uU -w 1 "$sock" > $R/ncdg_client.out || fail "nc dgram client"
  fi
  if [ "$1" = server ]; then target=$(child_of "$np"); else target=$np; fi
  kill -TERM "$target"
  wait_pid "$np"
  echo "server got: $(tr '\n' '|' < $R/ncdg_server.out)  client got: $(tr '\n' '|' < $R/ncdg_client.out)"
  [ "$(cat $R/ncdg_server.out)" = $'dgram 1 via nc\ndgram 2 via nc' ] || fail "nc dgram server output"
  [ "$(cat $R/ncdg_client.out)" = 'reply from server' ] || fail "nc dgram client output"
}
step "nc -luU datagram server traced; untraced nc -uU client"
nc_dgram server
step "nc -uU datagram client traced; untraced nc -luU server"
nc_dgram client

# ---------------------------------------------------------------- CPython
# run from the repo root with relative script paths, as a user would (argv in the traces: fixtures/programs/...)
cd "$REPO"
PROGREL=fixtures/programs
step "Python ThreadingUnixStreamServer + 2 clients (forked child), one trace"
"${ST[@]}" -o "$OUT/py_threading_echo.strace" $PY "$PROGREL/py_threading_echo.py" both $R/py_echo.sock || fail "py_threading_echo"
step "the same with strace -yy"
"${STYY[@]}" -o "$OUT/py_threading_echo_yy.strace" $PY "$PROGREL/py_threading_echo.py" both $R/py_echo.sock > /dev/null \
  || fail "py_threading_echo yy"
step "Python ThreadingUnixStreamServer traced alone; 2 untraced concurrent clients"
"${ST[@]}" -o "$OUT/py_threading_echo_server.strace" $PY "$PROGREL/py_threading_echo.py" server $R/py_echo.sock &
SP=$!; STARTED+=("$SP")
waitfor_sock $R/py_echo.sock
$PY "$PROGREL/py_threading_echo.py" client $R/py_echo.sock "client A" > $R/pyA.out &
C1=$!; STARTED+=("$C1")
$PY "$PROGREL/py_threading_echo.py" client $R/py_echo.sock "client B" > $R/pyB.out &
C2=$!; STARTED+=("$C2")
wait "$C1" || fail "py client A"; wait "$C2" || fail "py client B"
cat $R/pyA.out $R/pyB.out
wait_pid "$SP"; [ "$RC" = 0 ] || fail "py server exit status $RC"

step "Python datagrams (server child, bound/connected/unbound clients)"
"${ST[@]}" -o "$OUT/py_dgram.strace" $PY "$PROGREL/py_dgram.py" $R || fail "py_dgram"
step "Python socketpair + fork"
"${ST[@]}" -o "$OUT/py_socketpair_fork.strace" $PY "$PROGREL/py_socketpair_fork.py" || fail "py_socketpair_fork"
step "Python SCM_RIGHTS"
"${ST[@]}" -o "$OUT/py_scm_rights.strace" $PY "$PROGREL/py_scm_rights.py" $R || fail "py_scm_rights"
step "Python SIGPIPE death"
"${ST[@]}" -o "$OUT/py_sigpipe.strace" $PY "$PROGREL/py_sigpipe.py"
RC=$?; echo "py_sigpipe exit status $RC (141 = killed by SIGPIPE)"; [ "$RC" = 141 ] || fail "py_sigpipe status $RC"
step "Python edge cases (seqpacket peek and truncation, abstract dgram, full backlog, EPIPE, EINVAL)"
"${ST[@]}" -o "$OUT/py_edges.strace" $PY "$PROGREL/py_edges.py" $R || fail "py_edges"

# ---------------------------------------------------------------- C fork server / client
# driver: the server (3 connections, then it exits) and 3 concurrent clients, all under one strace
C_DRIVER='S=$1 B=$2
"$B/fork_server" "$S" 3 &
while [ ! -S "$S" ]; do sleep 0.02; done
"$B/fork_client" "$S" c1 &
"$B/fork_client" "$S" c2 &
"$B/fork_client" "$S" c3 &
wait'
step "C fork_server + 3 fork_clients in one trace (driver: sh)"
rm -f $R/fork.sock
"${ST[@]}" -o "$OUT/c_fork_echo.strace" sh -c "$C_DRIVER" sh $R/fork.sock "$BIN" || fail "c_fork_echo"
step "the same with strace -yy"
rm -f $R/fork.sock
"${STYY[@]}" -o "$OUT/c_fork_echo_yy.strace" sh -c "$C_DRIVER" sh $R/fork.sock "$BIN" > /dev/null || fail "c_fork_echo yy"
step "C fork_server traced alone; 3 untraced concurrent fork_clients"
rm -f $R/fork.sock
"${ST[@]}" -o "$OUT/c_fork_server.strace" "$BIN/fork_server" $R/fork.sock 3 &
SP=$!; STARTED+=("$SP")
waitfor_sock $R/fork.sock
CP=()
for c in c1 c2 c3; do "$BIN/fork_client" $R/fork.sock $c & CP+=($!); STARTED+=($!); done
for p in "${CP[@]}"; do wait "$p" || fail "fork_client $p"; done
wait_pid "$SP"; [ "$RC" = 0 ] || fail "fork_server exit status $RC"

# ---------------------------------------------------------------- the oracle's own traces
step "copy the kernel oracle's traces as shared_*.strace"
for f in "$KO"/strace/*.strace; do cp "$f" "$OUT/shared_$(basename "$f")"; done

# ---------------------------------------------------------------- summary
step "summary: file, lines, size, how the traced process tree's first process ended"
cd "$OUT"
for f in *.strace; do
  first=$(awk 'NR==1{print $1; exit}' "$f")
  end=$(grep -E "^$first +[0-9:.]+ \+\+\+ " "$f" | tail -1 | sed -E 's/^[0-9]+ +[0-9:.]+ //')
  printf '%-32s %6d lines %8d bytes  %s\n' "$f" "$(wc -l < "$f")" "$(stat -c %s "$f")" "$end"
done
[ "$FAIL" = 0 ] && echo "all recordings OK" || echo "SOME RECORDINGS FAILED (see FAILED lines above)"
exit $FAIL
