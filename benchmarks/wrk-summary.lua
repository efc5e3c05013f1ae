-- wrk prints no 95th percentile and words its summary for people; this prints one line national.cs parses.
-- Latencies in microseconds; failures are non-2xx/3xx answers plus socket errors and timeouts.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("wrk-summary p50_us=%d p95_us=%d requests=%d duration_us=%d failures=%d\n",
    latency:percentile(50), latency:percentile(95), summary.requests, summary.duration,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout))
end
