#!/usr/bin/env bash
# Benchmark: the drill-through from a count on /crime to its records (/records), median and 95th percentile for one
# client over sequential requests, measured exactly as benchmarks/peers-page.sh measures a page (which it runs):
# Release build, a warehouse the ETL builds from the bundled sample, curl's time_total on loopback.
# The default address is the listing behind Kent's recorded crime of 2025/26 (the /crime monthly chart's link),
# the largest listing /crime links to by default; add &page=N to time a page deep in it.
# Run from the repository root:  benchmarks/records-page.sh [requests] [address]
#   e.g. benchmarks/records-page.sh 100 '/records?year=2025/26&kind=recorded-crime&page=700'
set -euo pipefail
exec "$(dirname "$0")/peers-page.sh" "${1:-100}" "${2:-/records?year=2025/26&kind=recorded-crime}"
