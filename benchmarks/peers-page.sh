#!/usr/bin/env bash
# Benchmark: the peers page's time for one client, median and 95th percentile over sequential requests with curl
# (curl's time_total: connection to last byte, on loopback), on a warehouse the ETL builds from the bundled sample,
# Release build, Brotli asked for as a browser does. Prints figures only; it asserts nothing.
# Run from the repository root:  benchmarks/peers-page.sh [requests] [address]
#   e.g. benchmarks/peers-page.sh 200 '/peers?year=2025/26&district=E07000110&crime=Burglary'
# The dashboard keeps each page once made (per snapshot and address), so repeated requests time the kept page;
# FRESH=1 adds a query key the page ignores (fresh=N) to every request, so every answer is made anew.
set -euo pipefail

requests=${1:-200}
address=${2:-/peers}
if [[ ! -f Analytics.sln ]]; then echo "Run from the repository root." >&2; exit 1; fi

work=$(mktemp -d -t peers-benchmark-XXXXXX)
server=""
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    chmod -R u+w "$work" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "Building the ETL and the dashboard (Release)..."
dotnet build etl -c Release --nologo -v q >/dev/null
dotnet build dashboard -c Release --nologo -v q >/dev/null
echo "Loading data/sample into a new warehouse..."
dotnet etl/bin/Release/net10.0/analytics-etl.dll run --source data/sample --warehouse "$work/warehouse" >"$work/etl.log" 2>&1

port=$((20000 + RANDOM % 20000))
(cd dashboard && Warehouse__Directory="$work/warehouse" Warehouse__BuildFromSampleWhenEmpty=false Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/Analytics.Dashboard.dll --urls "http://127.0.0.1:$port") >"$work/dashboard.log" 2>&1 &
server=$!
for _ in $(seq 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
    sleep 0.5
done

url="http://127.0.0.1:$port$address"
separator='?'; [[ "$address" == *'?'* ]] && separator='&'
for _ in 1 2 3 4 5; do curl -fs -o /dev/null -H 'Accept-Encoding: br' "$url"; done
for i in $(seq "$requests"); do
    if [[ "${FRESH:-0}" == 1 ]]; then asked="$url${separator}fresh=$i"; else asked="$url"; fi
    curl -fs -o /dev/null -H 'Accept-Encoding: br' -w '%{time_total} %{size_download}\n' "$asked"
done >"$work/times"

sort -n "$work/times" | awk -v n="$requests" -v address="$address" -v cores="$(nproc)" -v fresh="${FRESH:-0}" '
    { t[NR] = $1 * 1000; bytes = $2 }
    END {
        p50 = t[int((n + 1) / 2)]; i95 = int(0.95 * n); if (i95 < 0.95 * n) i95++
        printf "%s: %d sequential requests after 5 to warm up, one client, %d cores%s\n", address, n, cores, fresh == 1 ? ", every answer made anew (FRESH=1)" : ", kept pages"
        printf "median %.1f ms, 95th percentile %.1f ms, fastest %.1f ms, slowest %.1f ms; %.1f KiB as sent (Brotli)\n", p50, t[i95], t[1], t[n], bytes / 1024
    }'
