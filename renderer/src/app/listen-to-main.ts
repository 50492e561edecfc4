import { useHistoryStore } from '../features/history/history-store';
import { useInventoryStore } from '../features/inventory/inventory-store';
import { useOperationStore } from '../features/operation/operation-store';
import { useSweepStore } from '../features/sweep/sweep-store';
import { useAppStore } from './app-store';

/** A store that hears some of main's events: `listen()` attaches its listeners and returns what detaches them. */
export interface ListeningStore {
  getState: () => { listen: () => () => void };
}

/** Every store that hears main's events (settings, inventory pages and progress, operation and sweep progress). */
const listeningStores: readonly ListeningStore[] = [useAppStore, useInventoryStore, useOperationStore, useHistoryStore, useSweepStore];

/**
 * Attaches every store's listeners to main's events, once per window, before anything is asked of main (progress
 * can overtake the answer that names its operation). Returns what detaches them all.
 */
export function listenToMain(stores: readonly ListeningStore[] = listeningStores): () => void {
  const stops = stores.map((store) => store.getState().listen());
  return () => stops.forEach((stop) => stop());
}
