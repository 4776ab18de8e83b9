# Sourced by ensure-engine.sh and ensure-server-engine.sh: the pid files an engine leaves behind.
#
# A dockerd killed hard (the end of a session, a crash) leaves its pid file, and so does the containerd
# it started. A new dockerd refuses to start while its pid file names a process ("pid file found"),
# and waits in vain for a containerd whose pid file names one ("containerd is still running", then
# "timeout waiting for containerd to start"): the old process while it is still stopping (a killed
# daemon with its threads and mounts takes a moment, then waits as a zombie until it is reaped), or
# another process that got its pid meanwhile.

# pid_file_running FILE PROGRAM: true when FILE names a running PROGRAM (not a zombie, not another program)
pid_file_running() {
  local pid stat
  [ -f "$1" ] || return 1
  pid=$(cat "$1" 2>/dev/null) || return 1
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# clear_pid_file FILE PROGRAM SECONDS: waits up to SECONDS for the PROGRAM that FILE names to end,
# then removes FILE unless that PROGRAM still runs; true when FILE is gone
clear_pid_file() {
  local waited=0
  while pid_file_running "$1" "$2" && [ "$waited" -lt "$(($3 * 2))" ]; do
    sleep 0.5
    waited=$((waited + 1))
  done
  pid_file_running "$1" "$2" && return 1
  rm -f "$1"
}
