import type { Instance } from '../../shared/domain/ecs';
import type { Inventory, InventoryProgress } from '../../shared/domain/inventory';
import { cloudError, type ClientForProfile } from '../cloud/profile-clients';

export interface InventoryService {
  /** Loads a region's key pairs and instances to the end, reporting progress; cancellable by its job id. */
  load(profileId: string, regionId: string, jobId: string, onProgress: (progress: InventoryProgress) => void): Promise<Inventory>;
  cancel(jobId: string): boolean;
  /** The instances of the last complete load of this region with this profile, which plans are checked against. */
  latest(profileId: string, regionId: string): Inventory | undefined;
}

const keyOf = (profileId: string, regionId: string) => `${profileId}/${regionId}`;

/**
 * A region's inventory, paged to the end (100 per request) in main. Main keeps the last complete load: a plan is
 * checked against what main itself read from Volcengine, never against what the renderer says an instance is.
 */
export function createInventoryService(options: { clientFor: ClientForProfile; now: () => Date }): InventoryService {
  const running = new Map<string, AbortController>();
  const loaded = new Map<string, Inventory>();

  return {
    async load(profileId, regionId, jobId, onProgress) {
      running.get(jobId)?.abort();
      const controller = new AbortController();
      running.set(jobId, controller);
      try {
        const client = await options.clientFor(profileId, regionId);
        try {
          const keyPairs = await client.describeKeyPairs(undefined, {
            signal: controller.signal,
            onProgress: (progress) => onProgress({ jobId, phase: 'key-pairs', items: progress.items, totalCount: progress.totalCount ?? null }),
          });
          const instances: Instance[] = await client.describeInstances(undefined, {
            signal: controller.signal,
            onProgress: (progress) => onProgress({ jobId, phase: 'instances', items: progress.items, totalCount: progress.totalCount ?? null }),
          });
          const inventory: Inventory = { regionId, instances, keyPairs, loadedAt: options.now().toISOString() };
          loaded.set(keyOf(profileId, regionId), inventory);
          return inventory;
        } finally {
          await client.close();
        }
      } catch (error) {
        throw cloudError(error);
      } finally {
        running.delete(jobId);
      }
    },

    cancel(jobId) {
      const controller = running.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },

    latest(profileId, regionId) {
      return loaded.get(keyOf(profileId, regionId));
    },
  };
}
