import type { Instance } from '../../shared/domain/ecs';
import type { Inventory, InventoryProgress } from '../../shared/domain/inventory';
import { cloudError, type ClientForProfile } from '../cloud/profile-clients';

export interface InventoryService {
  /** Loads a region's key pairs and instances to the end, reporting progress; cancellable by its job id. */
  load(profileId: string, regionId: string, jobId: string, onProgress: (progress: InventoryProgress) => void): Promise<Inventory>;
  cancel(jobId: string): boolean;
  /**
   * Records instances read from Volcengine outside a full load (a sweep's search for one key pair), so they can be
   * planned too. Each instance keeps whichever record is newest.
   */
  remember(profileId: string, regionId: string, instances: readonly Instance[]): void;
  /**
   * What main last read from Volcengine about this region's instances, which plans are checked against; undefined
   * when nothing has been read yet.
   */
  known(profileId: string, regionId: string): ReadonlyMap<string, Instance> | undefined;
}

const keyOf = (profileId: string, regionId: string) => `${profileId}/${regionId}`;

/**
 * A region's inventory, paged to the end (100 per request) in main. Main keeps what it last read of each instance:
 * a plan is checked against what main itself read from Volcengine, never against what the renderer says an
 * instance is. A complete load replaces everything known about the region (instances gone are gone).
 */
export function createInventoryService(options: { clientFor: ClientForProfile; now: () => Date }): InventoryService {
  const running = new Map<string, AbortController>();
  const known = new Map<string, Map<string, Instance>>();

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
          known.set(keyOf(profileId, regionId), new Map(instances.map((instance) => [instance.instanceId, instance])));
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

    remember(profileId, regionId, instances) {
      const key = keyOf(profileId, regionId);
      const region = known.get(key) ?? new Map<string, Instance>();
      for (const instance of instances) region.set(instance.instanceId, instance);
      known.set(key, region);
    },

    known(profileId, regionId) {
      return known.get(keyOf(profileId, regionId));
    },
  };
}
