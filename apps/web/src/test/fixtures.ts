/** Response bodies as the Tableport server writes them (shapes agreed with the server issue). */

/** `/readyz` of a healthy embedded server (HTTP 200). */
export const readyBody = {
  status: 'ready',
  version: '0.1.0',
  commit: '3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a',
  role: 'all',
  uptimeSeconds: 3725.4,
  checks: {
    database: { status: 'up', latencyMs: 0.8, detail: 'pglite' },
    queue: { status: 'up', latencyMs: 2.1 },
  },
};

/** `/readyz` while Redis is down (HTTP 503). */
export const notReadyBody = {
  status: 'not_ready',
  version: '0.1.0',
  commit: 'unknown',
  role: 'api',
  uptimeSeconds: 12.3,
  checks: {
    database: { status: 'up', latencyMs: 1.4 },
    queue: { status: 'up', latencyMs: 3.2 },
    redis: { status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:6379' },
  },
};

/** A trimmed but faithful prom-client exposition, with two routes and one error series. */
export const metricsText = `# HELP process_cpu_user_seconds_total Total user CPU time spent in seconds.
# TYPE process_cpu_user_seconds_total counter
process_cpu_user_seconds_total 3.21

# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
# TYPE process_cpu_seconds_total counter
process_cpu_seconds_total 4.5

# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
# TYPE process_start_time_seconds gauge
process_start_time_seconds 1764770000

# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 124151808

# HELP nodejs_eventloop_lag_seconds Lag of event loop in seconds.
# TYPE nodejs_eventloop_lag_seconds gauge
nodejs_eventloop_lag_seconds 0.002412

# HELP nodejs_eventloop_lag_p99_seconds The 99th percentile of the recorded event loop delays.
# TYPE nodejs_eventloop_lag_p99_seconds gauge
nodejs_eventloop_lag_p99_seconds 0.011

# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes.
# TYPE nodejs_heap_size_total_bytes gauge
nodejs_heap_size_total_bytes 67108864

# HELP nodejs_heap_size_used_bytes Process heap size used from Node.js in bytes.
# TYPE nodejs_heap_size_used_bytes gauge
nodejs_heap_size_used_bytes 41943040

# HELP nodejs_version_info Node.js version info.
# TYPE nodejs_version_info gauge
nodejs_version_info{version="v20.20.2",major="20",minor="20",patch="2"} 1

# HELP http_server_request_duration_seconds Duration of HTTP server requests.
# TYPE http_server_request_duration_seconds histogram
http_server_request_duration_seconds_bucket{le="0.005",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="200"} 10
http_server_request_duration_seconds_bucket{le="0.01",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="200"} 60
http_server_request_duration_seconds_bucket{le="0.025",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="200"} 90
http_server_request_duration_seconds_bucket{le="0.05",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="200"} 100
http_server_request_duration_seconds_bucket{le="+Inf",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="200"} 100
http_server_request_duration_seconds_sum{http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="200"} 1.2
http_server_request_duration_seconds_count{http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="200"} 100
http_server_request_duration_seconds_bucket{le="0.005",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="500"} 0
http_server_request_duration_seconds_bucket{le="0.01",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="500"} 0
http_server_request_duration_seconds_bucket{le="0.025",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="500"} 0
http_server_request_duration_seconds_bucket{le="0.05",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="500"} 2
http_server_request_duration_seconds_bucket{le="+Inf",http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="500"} 2
http_server_request_duration_seconds_sum{http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="500"} 0.08
http_server_request_duration_seconds_count{http_request_method="GET",http_route="/v0/{baseId}/{tableIdOrName}",http_response_status_code="500"} 2
http_server_request_duration_seconds_bucket{le="0.005",http_request_method="POST",http_route="/mcp",http_response_status_code="401"} 8
http_server_request_duration_seconds_bucket{le="0.01",http_request_method="POST",http_route="/mcp",http_response_status_code="401"} 8
http_server_request_duration_seconds_bucket{le="0.025",http_request_method="POST",http_route="/mcp",http_response_status_code="401"} 8
http_server_request_duration_seconds_bucket{le="0.05",http_request_method="POST",http_route="/mcp",http_response_status_code="401"} 8
http_server_request_duration_seconds_bucket{le="+Inf",http_request_method="POST",http_route="/mcp",http_response_status_code="401"} 8
http_server_request_duration_seconds_sum{http_request_method="POST",http_route="/mcp",http_response_status_code="401"} 0.016
http_server_request_duration_seconds_count{http_request_method="POST",http_route="/mcp",http_response_status_code="401"} 8

# HELP tableport_ready 1 when /readyz would answer 200, else 0.
# TYPE tableport_ready gauge
tableport_ready 1

# HELP tableport_build_info Build of the running server.
# TYPE tableport_build_info gauge
tableport_build_info{version="0.1.0",commit="3f9c2a1d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a"} 1

# HELP tableport_jobs Jobs per queue and state.
# TYPE tableport_jobs gauge
tableport_jobs{queue="webhook.deliver",state="created"} 3
tableport_jobs{queue="webhook.deliver",state="active"} 1
tableport_jobs{queue="webhook.deliver",state="failed"} 2
tableport_jobs{queue="automation.run",state="completed"} 41
`;
