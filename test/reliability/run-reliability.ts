/**
 * `npm run reliability`: runs issue 6's fault matrix (the cells of test/electron/reliability/fault-matrix.test.ts,
 * through the same runner), prints it as a table and writes test/bench/reliability.json. Exits non-zero when a
 * cell lost an outcome or applied a change twice, and also when a cell found another problem (views of an outcome
 * that disagree, an outcome the simulator's counters contradict), which the table has no column for.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cellHolds, formatMatrixTable, type CellReport } from '../electron/reliability/support/cell-report';
import { matrixSettings } from '../electron/reliability/support/matrix-settings';
import { matrixCells, runMatrixCell } from '../electron/reliability/support/run-matrix';

const outputFile = path.resolve(import.meta.dirname, '..', 'bench', 'reliability.json');

async function main(): Promise<number> {
  const startedAt = Date.now();
  const cells: CellReport[] = [];
  const problems: string[] = [];
  for (const { fault, action } of matrixCells()) {
    let report: CellReport;
    let cellProblems: string[];
    try {
      ({ report, problems: cellProblems } = await runMatrixCell(fault, action));
    } catch (error) {
      // A cell that cannot finish established no outcome at all: every one of its instances counts as lost.
      const instances = {
        'inventory paging': 2 * matrixSettings.inventoryInstancesPerRegion,
        'zone-parallel listing': 2 * matrixSettings.zoneListingInstances,
        'key-scoped listing': 2 * matrixSettings.keyListingInstances,
        DetachKeyPair: matrixSettings.operationInstances,
        AttachKeyPair: matrixSettings.operationInstances,
        RebootInstances: matrixSettings.operationInstances,
      }[action];
      report = { fault, action, instances, succeeded: 0, failed: 0, unknown: 0, lost: instances, doubleApplied: 0 };
      cellProblems = [`the cell stopped: ${error instanceof Error ? error.message : String(error)}`];
    }
    cells.push(report);
    problems.push(...cellProblems.map((problem) => `${fault} × ${action}: ${problem}`));
    process.stderr.write(`${cellHolds(report) && cellProblems.length === 0 ? 'ok  ' : 'FAIL'} ${fault} × ${action}\n`);
  }
  await mkdir(path.dirname(outputFile), { recursive: true });
  // The field order, whatever order a cell built its row in.
  const rows = cells.map(({ fault, action, instances, succeeded, failed, unknown, lost, doubleApplied }) => ({ fault, action, instances, succeeded, failed, unknown, lost, doubleApplied }));
  await writeFile(outputFile, `${JSON.stringify({ cells: rows }, null, 2)}\n`);

  console.log(formatMatrixTable(cells));
  console.log(`\n${cells.length} cells in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; written to ${path.relative(process.cwd(), outputFile)}`);
  const broken = cells.filter((cell) => !cellHolds(cell));
  for (const cell of broken) console.error(`lost ${cell.lost}, applied twice ${cell.doubleApplied}: ${cell.fault} × ${cell.action}`);
  for (const problem of problems.slice(0, 50)) console.error(problem);
  if (problems.length > 50) console.error(`… and ${problems.length - 50} more problems`);
  return broken.length === 0 && problems.length === 0 ? 0 : 1;
}

process.exitCode = await main();
