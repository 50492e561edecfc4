import { matrixActions, type CellRun, type MatrixAction } from './cell-report';
import { runInventoryCell, type InventoryCellEvidence } from './inventory-cell';
import { runKeyListingCell, type KeyListingCellEvidence } from './key-listing-cell';
import { runZoneListingCell, type ZoneListingCellEvidence } from './zone-listing-cell';
import { matrixFaults, type MatrixFault } from './matrix-faults';
import { matrixSettings, type MatrixSettings } from './matrix-settings';
import { runOperationCell, type OperationCellEvidence } from './operation-cell';

export type MatrixCellRun = CellRun<OperationCellEvidence | InventoryCellEvidence | ZoneListingCellEvidence | KeyListingCellEvidence>;

/** One cell of the matrix: what the test asserts on and what `npm run reliability` prints. */
export function runMatrixCell(fault: MatrixFault, action: MatrixAction, settings: MatrixSettings = matrixSettings): Promise<MatrixCellRun> {
  switch (action) {
    case 'inventory paging':
      return runInventoryCell(fault, settings);
    case 'zone-parallel listing':
      return runZoneListingCell(fault, settings);
    case 'key-scoped listing':
      return runKeyListingCell(fault, settings);
    default:
      return runOperationCell(fault, action, settings);
  }
}

/** Every cell, in the issues' order, one at a time (the renderer's workspace and inventory stores are singletons). */
export function matrixCells(): Array<{ fault: MatrixFault; action: MatrixAction }> {
  return matrixFaults.flatMap((fault) => matrixActions.map((action) => ({ fault, action })));
}
