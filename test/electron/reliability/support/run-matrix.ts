import { matrixActions, type CellRun, type MatrixAction } from './cell-report';
import { runInventoryCell, type InventoryCellEvidence } from './inventory-cell';
import { matrixFaults, type MatrixFault } from './matrix-faults';
import { matrixSettings, type MatrixSettings } from './matrix-settings';
import { runOperationCell, type OperationCellEvidence } from './operation-cell';

export type MatrixCellRun = CellRun<OperationCellEvidence | InventoryCellEvidence>;

/** One cell of the matrix: what the test asserts on and what `npm run reliability` prints. */
export function runMatrixCell(fault: MatrixFault, action: MatrixAction, settings: MatrixSettings = matrixSettings): Promise<MatrixCellRun> {
  return action === 'inventory paging' ? runInventoryCell(fault, settings) : runOperationCell(fault, action, settings);
}

/** Every cell, in the order, one at a time (the renderer's workspace store is a singleton). */
export function matrixCells(): Array<{ fault: MatrixFault; action: MatrixAction }> {
  return matrixFaults.flatMap((fault) => matrixActions.map((action) => ({ fault, action })));
}
