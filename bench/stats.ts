/** Small summary statistics for benchmark figures (nearest-rank percentiles). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: number[]): { n: number; median: number; p95: number; min: number; max: number } {
  return {
    n: values.length,
    median: percentile(values, 50),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export const ms = (value: number, digits = 0): string => `${value.toFixed(digits).padStart(5)} ms`;
