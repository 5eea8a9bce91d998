#!/usr/bin/env bash
# Measures launch-to-first-frame of the console: the packaged app (both launchers) against `java -jar`.
#
#   installer/measure-startup.sh [--runs 7] [--app target/installer/Rampart] [--jar target/rampart.jar]
#                                [--wait-idle PERCENT]
#
# Every launch is `--smoke` on one throwaway store under one Xvfb, after a warm-up launch of each, so all measured
# launches are a returning user's start (store exists, files in the page cache). Launches take turns, so that load
# from other processes falls on all of them alike. The figure is what the console itself prints: milliseconds from
# the process's start (the launcher included) to the first pulse that lays out the shown window. Prints the median,
# the fastest and the slowest of each, and the machine with how busy other processes kept it (sampled for a second
# before each round). On a shared machine, --wait-idle 25 holds each round until others use under 25 % of the CPU
# (at most five minutes), so the figures describe the program rather than the neighbours.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=7
app=target/installer/Rampart
jar=target/rampart.jar
wait_idle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --wait-idle) wait_idle="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "measure-startup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for need in Xvfb java; do
  command -v "$need" >/dev/null || { echo "measure-startup.sh: needs $need (Debian: apt-get install -y xvfb)" >&2; exit 1; }
done
[ -x "$app/bin/rampart" ] || { echo "measure-startup.sh: no app-image at $app (run installer/build.sh)" >&2; exit 1; }
[ -f "$jar" ] || { echo "measure-startup.sh: no $jar (run mvn package)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/rampart-startup.XXXXXX)
exec 3> "$tmp/display"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n 1 "$tmp/display")"
db="jdbc:h2:file:$tmp/store"

names=("packaged, bin/rampart (menu entry, /usr/bin/rampart)" "packaged, bin/Rampart (jpackage launcher)" "java -jar $jar")
commands=("$app/bin/rampart" "$app/bin/Rampart" "java -jar $jar")

launch() { # prints the first-frame milliseconds of one --smoke launch of command $1
  local output
  output=$($1 --smoke --db "$db" 2>"$tmp/stderr") || { echo "measure-startup.sh: '$1 --smoke' failed:" >&2; cat "$tmp/stderr" >&2; exit 1; }
  sed -n 's/^first frame after \([0-9]*\) ms$/\1/p' <<<"$output"
}

busy() { # percent of all CPU time that went to other processes over the next second
  local a b
  read -r -a a < <(head -n 1 /proc/stat); sleep 1; read -r -a b < <(head -n 1 /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( 100 - 100 * (b[4] - a[4] + b[5] - a[5]) / total ))
}
settle() { # waits for --wait-idle, then prints how busy the machine was
  local load deadline=$((SECONDS + 300))
  load=$(busy)
  while [ -n "$wait_idle" ] && [ "$load" -ge "$wait_idle" ] && [ $SECONDS -lt $deadline ]; do load=$(busy); done
  echo "$load"
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), $(free -g | awk '/^Mem/ {print $2}') GB;" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!commands[@]}"; do launch "${commands[$i]}" >/dev/null; done   # warm-up; the first also makes the store
declare -A times
background=""
for run in $(seq "$runs"); do
  background+="$(settle) "
  for i in "${!commands[@]}"; do
    times[$i]+="$(launch "${commands[$i]}") "
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg); other processes' CPU before each round (%): $background"
echo "launch to first frame, $runs launches each (ms): median  [fastest … slowest]"
for i in "${!commands[@]}"; do
  read -r -a sorted <<<"$(tr ' ' '\n' <<<"${times[$i]}" | sed '/^$/d' | sort -n | tr '\n' ' ')"
  printf '  %-55s %5d  [%d … %d]   all: %s\n' "${names[$i]}" "${sorted[$(( ${#sorted[@]} / 2 ))]}" \
    "${sorted[0]}" "${sorted[${#sorted[@]}-1]}" "${times[$i]}"
done
