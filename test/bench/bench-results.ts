/**
 * The shape of test/bench/results.json and the one place that judges a value against its target, so the printed
 * table, the file and the README can never disagree about what was met.
 */

export type Target = { max: number } | { min: number } | { equals: number };

export interface ScenarioResult {
  name: string;
  metric: string;
  value: number;
  unit: string;
  /** Null when a scenario is measured for information only (e.g. a baseline's own wall time). */
  target: Target | null;
  /** The same metric measured the naive way (page size 10, one batch at a time), when there is one. */
  baseline: number | null;
  met: boolean | null;
  /** How the value or its baseline was obtained, when that is not obvious from the name. */
  note?: string;
}

export interface BenchResults {
  machine: Record<string, unknown>;
  scenarios: ScenarioResult[];
}

export type Measurement = Omit<ScenarioResult, 'met'>;

/** Whether `value` meets `target`; `equals` compares whole numbers exactly, the bounds are inclusive. */
export function meets(target: Target | null, value: number): boolean | null {
  if (target === null || !Number.isFinite(value)) return target === null ? null : false;
  if ('equals' in target) return value === target.equals;
  if ('max' in target) return value <= target.max;
  return value >= target.min;
}

export function judged(measurement: Measurement): ScenarioResult {
  return { ...measurement, met: meets(measurement.target, measurement.value) };
}

export function describeTarget(target: Target | null): string {
  if (target === null) return '';
  if ('equals' in target) return `= ${target.equals}`;
  if ('max' in target) return `≤ ${target.max}`;
  return `≥ ${target.min}`;
}

function formatNumber(value: number | null): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 });
}

function metLabel(met: boolean | null): string {
  if (met === null) return '';
  return met ? 'yes' : 'NO';
}

/** A Markdown table (readable in a terminal too), the same one the README shows. */
export function formatTable(scenarios: readonly ScenarioResult[]): string {
  const rows = scenarios.map((scenario) => [
    `${scenario.name}: ${scenario.metric}`,
    `${formatNumber(scenario.value)} ${scenario.unit}`.trim(),
    scenario.target === null ? '' : `${describeTarget(scenario.target)} ${scenario.unit}`.trim(),
    scenario.baseline === null ? '' : `${formatNumber(scenario.baseline)} ${scenario.unit}`.trim(),
    metLabel(scenario.met),
  ]);
  const header = ['Scenario', 'Value', 'Target', 'Baseline', 'Met'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Percentile by nearest rank (p in 0..100) of a non-empty list; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
