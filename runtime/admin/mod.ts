/**
 * The admin web UI and JSON API (`celerity admin`): dashboard, tasks, periodic tasks, dead letters,
 * Prometheus metrics.
 * @module
 */
export { startAdmin, DEFAULT_ADMIN_HOST, DEFAULT_ADMIN_PORT, type AdminOptions, type AdminServer } from "./server.ts";
export { AdminHttpError } from "./http/errors.ts";
export { renderMetrics } from "./metrics.ts";
