import type { JobRegistry } from '../jobs/job-registry';
import type { AppEvents } from '../ipc/event-emitter';
import type { ChannelsOf, PartialIpcHandlers } from '../ipc/handler-types';
import type { InventoryService } from './inventory-service';
import type { RegionService } from './region-service';

type InventoryChannels = ChannelsOf<'regions' | 'inventory'>;

export function createInventoryHandlers(regions: RegionService, inventory: InventoryService, jobs: JobRegistry, events: AppEvents): PartialIpcHandlers<InventoryChannels> {
  return {
    'regions.list': ({ profileId, refresh }) => regions.list(profileId, refresh),
    'inventory.list': (request) =>
      inventory.list(request, {
        page: (page) => events.emit('inventory.page', page),
        progress: (progress) => events.emit('inventory.progress', progress),
      }),
    'inventory.listKeyPairs': ({ profileId, regionId }) => inventory.listKeyPairs(profileId, regionId),
    'inventory.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'inventory.forgetCache': async () => ({ removed: await inventory.forgetCache() }),
  };
}
