import type { AppEvents } from '../ipc/event-emitter';
import type { PartialIpcHandlers } from '../ipc/handler-types';
import type { InventoryService } from './inventory-service';
import type { RegionService } from './region-service';

export function createInventoryHandlers(
  regions: RegionService,
  inventory: InventoryService,
  events: AppEvents,
): PartialIpcHandlers<'regions.list' | 'inventory.load' | 'inventory.cancel'> {
  return {
    'regions.list': ({ profileId, refresh }) => regions.list(profileId, refresh),
    'inventory.load': ({ profileId, regionId, jobId }) =>
      inventory.load(profileId, regionId, jobId, (progress) => events.emit('inventory.progress', progress)),
    'inventory.cancel': ({ jobId }) => ({ cancelled: inventory.cancel(jobId) }),
  };
}
