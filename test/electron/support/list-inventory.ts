import type { Instance, KeyPair } from '../../../shared/domain/ecs';
import type { InventoryPage, InventoryScope, ListingProgress } from '../../../shared/domain/inventory';
import { valueOf, type AppUnderTest } from './app-under-test';

export interface ListedInventory {
  progress: ListingProgress;
  /** The fresh instances the listing's pages carried, in arrival order, each once. */
  instances: Instance[];
  /** Every page event of the listing, cached ones included. */
  pages: InventoryPage[];
}

let jobs = 0;

/** Runs one `inventory.list` through window.api and gathers what its page events carried, as the renderer would. */
export async function listInventory(
  app: Pick<AppUnderTest, 'api' | 'events' | 'profileId'>,
  scope: InventoryScope = { kind: 'region' },
  regionId = 'cn-beijing',
): Promise<ListedInventory> {
  jobs += 1;
  const jobId = `test-list-${String(jobs).padStart(6, '0')}`;
  const from = app.events.length;
  const progress = valueOf(await app.api.inventory.list({ profileId: app.profileId, regionId, jobId, scope }));
  const pages = app.events
    .slice(from)
    .filter((event) => event.channel === 'inventory.page' && (event.payload as InventoryPage).jobId === jobId)
    .map((event) => event.payload as InventoryPage);
  const byId = new Map<string, Instance>();
  for (const page of pages) if (page.source === 'fresh') for (const instance of page.instances) byId.set(instance.instanceId, instance);
  return { progress, instances: [...byId.values()], pages };
}

/** A whole region and its key pairs, listed as the Instances screen lists them when a region is chosen. */
export async function loadRegion(
  app: Pick<AppUnderTest, 'api' | 'events' | 'profileId'>,
  regionId = 'cn-beijing',
): Promise<{ instances: Instance[]; keyPairs: KeyPair[]; progress: ListingProgress }> {
  const [listed, keyPairs] = await Promise.all([
    listInventory(app, { kind: 'region' }, regionId),
    app.api.inventory.listKeyPairs({ profileId: app.profileId, regionId }),
  ]);
  if (listed.progress.state !== 'complete') throw new Error(`the listing of ${regionId} ended ${listed.progress.state}: ${JSON.stringify(listed.progress.error)}`);
  return { instances: listed.instances, keyPairs: valueOf(keyPairs).keyPairs, progress: listed.progress };
}
