#!/usr/bin/env bash
# Hostile and clumsy inputs (issue 13): makes each file (benchmarks/hostile-inputs.py), runs the ETL on it into a
# fresh warehouse under /usr/bin/time -v, and prints one table row per case: exit code, seconds, peak memory.
# Each run is capped at 60 s (timeout -s KILL) and 3 GB of resident memory (a watchdog); a case over
# either cap shows as "kill". Run from the repository root:
#   benchmarks/hostile-inputs.sh [WORKDIR]
# HOSTILE_CASES="1 7" runs only those cases (numbered as listed); HOSTILE_SKIP_BUILD=1 reuses WORKDIR/bin, to measure
# an earlier build again.
set -euo pipefail
root=$(pwd)
work=${1:-$(mktemp -d /tmp/hostile-inputs.XXXXXX)}
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 64; }
[ "${HOSTILE_SKIP_BUILD:-}" = 1 ] || dotnet build etl -c Release -o "$work/bin" -v quiet -nologo >/dev/null
python3 benchmarks/hostile-inputs.py "$work/files" > "$work/cases.tsv"
geography="$root/tests/data/kent-geography/DERIVED_kent_medway_LSOA21_WD24_LAD24.csv"
pfa="$root/data/sample/geography/ons_PFA19_names_codes_UK_dec2019.csv"

# Kills the ETL (the child of timeout) once its resident memory passes 3 GB, so a memory bomb is measured, not
# suffered, and writes the most it saw (KB) to $2: time -v cannot see a grandchild that was killed.
watch_memory() {
  local time_pid=$1 peak_file=$2
  ( peak=0
    while kill -0 "$time_pid" 2>/dev/null; do
      for pid in $(pgrep -f "analytics-etl.dll run" -P "$(pgrep -P "$time_pid" | head -1)" 2>/dev/null); do
        rss=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
        if [ "${rss:-0}" -gt "$peak" ]; then peak=$rss; echo "$peak" > "$peak_file"; fi
        if [ "${rss:-0}" -gt 3145728 ]; then kill -KILL "$pid"; fi
      done
      sleep 0.2
    done ) &
}

printf '| %-42s | %4s | %7s | %7s | %s\n' case exit seconds peak_MB "first error line"
printf '|%s|------|---------|---------|---\n' "--------------------------------------------"
n=0
while IFS=$'\t' read -r name file; do
  n=$((n + 1))
  if [ -n "${HOSTILE_CASES:-}" ] && [[ " $HOSTILE_CASES " != *" $n "* ]]; then continue; fi
  warehouse="$work/warehouse$n"
  rm -rf "$warehouse"
  set +e
  /usr/bin/time -v -o "$work/time$n.txt" timeout -s KILL 60 \
    dotnet "$work/bin/analytics-etl.dll" run --plain --warehouse "$warehouse" \
    --source "$geography" --source "$pfa" --source "$file" > "$work/out$n.txt" 2>&1 &
  etl=$!
  echo 0 > "$work/peak$n.txt"
  watch_memory $etl "$work/peak$n.txt"
  wait $etl
  code=$?
  set -e
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$work/time$n.txt" 2>/dev/null || true)
  peak=$(awk -F': ' -v seen="$(cat "$work/peak$n.txt")" '/Maximum resident set size/ { kb = $2 > seen ? $2 : seen; printf "%.0f", kb / 1024 }' "$work/time$n.txt" 2>/dev/null || true)
  if [ "$code" = 137 ]; then code="kill"; fi
  message=$( (grep -E "$(basename "$file")" "$work/out$n.txt"; grep -E "stopped|Unhandled|Killed" "$work/out$n.txt") | head -1 | tr -d '\000' | cut -c1-150 || true)
  printf '| %-42s | %4s | %7s | %7s | %s\n' "$name" "$code" "$seconds" "$peak" "$message"
  rm -rf "$warehouse"
done < "$work/cases.tsv"

# A stop reaches the query DuckDB is running: SIGTERM 2 s into reading a 160 MB street file, timed to the exit.
if [ -z "${HOSTILE_CASES:-}" ] || [[ " $HOSTILE_CASES " == *" stop "* ]]; then
  rm -rf "$work/warehouse-stop"
  dotnet "$work/bin/analytics-etl.dll" run --plain --warehouse "$work/warehouse-stop" --source "$geography" \
    --source "$work/files/stop-mid-load/2025-01-kent-street.csv" > "$work/out-stop.txt" 2>&1 &
  etl=$!
  for _ in $(seq 1 300); do grep -q "stop-mid-load" "$work/out-stop.txt" 2>/dev/null && break; sleep 0.1; done
  sleep 2
  sent=$(date +%s.%N)
  kill -TERM "$etl"
  set +e; wait "$etl"; code=$?; set -e
  printf '| %-42s | %4s | %7s | %7s | %s\n' "SIGTERM 2 s into a 160 MB street file" "$code" \
    "$(echo "$(date +%s.%N) - $sent" | bc | xargs printf '%.1f')" "" "seconds from SIGTERM to exit"
  rm -rf "$work/warehouse-stop"
fi
echo "(files and outputs in $work)"
