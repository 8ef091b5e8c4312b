/**
 * Micro-benchmark for detectRisk, called from `npm run bench`. Times each call separately so the
 * p99 shows the slow messages, not only the mean.
 */
import { performance } from 'node:perf_hooks';
import { detectRisk } from './detectRisk';

export interface RiskBenchmarkResult {
  meanMicros: number;
  p99Micros: number;
}

export function benchmarkDetectRisk(messages: string[], iterations: number): RiskBenchmarkResult {
  if (messages.length === 0 || iterations < 1) return { meanMicros: 0, p99Micros: 0 };
  // Warm up so the JIT has compiled the matcher before timing starts.
  for (let i = 0; i < Math.min(200, iterations); i++) for (const m of messages) detectRisk(m);
  const samples = new Float64Array(messages.length * iterations);
  let n = 0;
  for (let i = 0; i < iterations; i++) {
    for (const m of messages) {
      const t0 = performance.now();
      detectRisk(m);
      samples[n++] = (performance.now() - t0) * 1000;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += samples[i];
  samples.sort();
  const p99 = samples[Math.min(n - 1, Math.floor(n * 0.99))];
  return { meanMicros: total / n, p99Micros: p99 };
}
