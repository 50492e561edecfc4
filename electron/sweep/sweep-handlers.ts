import type { AppEvents } from '../ipc/event-emitter';
import type { PartialIpcHandlers } from '../ipc/handler-types';
import type { SweepService } from './sweep-service';

export function createSweepHandlers(sweeps: SweepService, events: AppEvents): PartialIpcHandlers<'sweep.find' | 'sweep.cancel' | 'sweep.plan' | 'sweep.start'> {
  return {
    'sweep.find': (request) => sweeps.find(request, (progress) => events.emit('sweep.progress', progress)),
    'sweep.cancel': ({ jobId }) => ({ cancelled: sweeps.cancel(jobId) }),
    'sweep.plan': (request) => sweeps.plan(request),
    'sweep.start': ({ sweepPlanId, confirmation }) => sweeps.start(sweepPlanId, confirmation),
  };
}
