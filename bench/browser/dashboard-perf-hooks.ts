/** `node:perf_hooks` in the browser (bench/table.ts, which workloads.ts imports, asks for it): the page's own clock. */
export const performance = globalThis.performance;
