import type { MatrixFault } from './matrix-faults';

/** The actions of the matrix, as the issue names them. */
export const matrixActions = ['inventory paging', 'zone-parallel listing', 'key-scoped listing', 'DetachKeyPair', 'AttachKeyPair', 'RebootInstances'] as const;
export type MatrixAction = (typeof matrixActions)[number];

/** One row of `test/bench/reliability.json`, exactly as the issue defines it. */
export interface CellReport {
  fault: MatrixFault;
  action: MatrixAction;
  /** The instances the cell is about: the fleet it loads, or every instance its operation plans. */
  instances: number;
  succeeded: number;
  failed: number;
  unknown: number;
  /** Instances with no recorded outcome: missing from the journal, from main's result or from the renderer's state. */
  lost: number;
  /** Instances the simulator changed more than once over the whole cell, its follow-ups included. */
  doubleApplied: number;
}

/** A cell as it ran: its row, what went wrong beyond the counts, and what the test asserts on. */
export interface CellRun<Evidence> {
  report: CellReport;
  /** Everything that contradicts the promise beyond the counts: disagreeing views, outcomes the simulator belies. */
  problems: string[];
  evidence: Evidence;
}

/** Whether a row keeps the promise of the issue. */
export function cellHolds(report: CellReport): boolean {
  return report.lost === 0 && report.doubleApplied === 0;
}

const columns: ReadonlyArray<keyof CellReport> = ['fault', 'action', 'instances', 'succeeded', 'failed', 'unknown', 'lost', 'doubleApplied'];

/** The rows as a Markdown table, which reads as well in a terminal as in the README. */
export function formatMatrixTable(reports: readonly CellReport[]): string {
  const rows = [columns.map(String), ...reports.map((report) => columns.map((column) => String(report[column])))];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, index) => (index < 2 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}
