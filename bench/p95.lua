-- wrk reports p50/p90/p99; the benchmark wants p95 and the request rate as one line.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d errors=%d rps=%.1f mean_ms=%.2f p50_ms=%.2f p95_ms=%.2f\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    summary.requests / seconds,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
