/** Types of the parts of autocannon (HTTP load generator) the benchmarks use; the package ships none. */
declare module 'autocannon' {
  /** Percentiles of a run (latency in ms, requests and bytes per second). */
  export interface Histogram {
    average: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    total: number;
  }

  export interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  }

  export interface Options {
    /** One URL, or several that the connections are spread over. */
    url: string | string[];
    connections?: number;
    /** Seconds. */
    duration?: number;
    headers?: Record<string, string>;
    /** Seconds until a request counts as timed out. */
    timeout?: number;
    /** Requests per second over all connections; none: as fast as the server answers. */
    overallRate?: number;
  }

  export default function autocannon(options: Options): Promise<Result>;
}
