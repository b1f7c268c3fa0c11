/** What the application is told about its metrics endpoint and its own lifecycle. */
export interface ObservabilityOptions {
  /**
   * The bearer token a Prometheus scraper presents on GET /metrics (METRICS_TOKEN); null: the
   * endpoint answers 404 (README "Metrics": why a token of its own and not an open port)
   */
  metricsToken: string | null;
  /** also export the process's own metrics (CPU, heap, event loop); off in the tests' many apps */
  processMetrics: boolean;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');

/**
 * The process's state as a load balancer asks about it: `draining` from SIGTERM on (GET
 * /health/ready answers 503, so the balancer stops sending while the requests in flight finish).
 */
export class ServiceState {
  draining = false;
}
