#!/usr/bin/env bash
# Benchmark: the lineage page of a crime count on /crime ("Where these figures come from" under a chart), for one
# client: median and 95th percentile over sequential requests. Measured exactly as benchmarks/peers-page.sh
# measures a page (Release build, the bundled sample, curl on loopback, Brotli), which it runs with this address.
# Run from the repository root:  benchmarks/lineage-page.sh [requests] [figure]
#   e.g. benchmarks/lineage-page.sh 100 district-rates
set -euo pipefail

requests=${1:-100}
figure=${2:-incidents-by-month}
exec benchmarks/peers-page.sh "$requests" "/lineage?page=crime&figure=$figure&year=2025/26"
