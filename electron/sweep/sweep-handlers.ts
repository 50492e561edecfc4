import type { JobRegistry } from '../jobs/job-registry';
import type { AppEvents } from '../ipc/event-emitter';
import type { ChannelsOf, PartialIpcHandlers } from '../ipc/handler-types';
import type { SweepService } from './sweep-service';

export function createSweepHandlers(sweeps: SweepService, jobs: JobRegistry, events: AppEvents): PartialIpcHandlers<ChannelsOf<'sweep'>> {
  return {
    'sweep.find': (request) => sweeps.find(request, (progress) => events.emit('sweep.progress', progress)),
    'sweep.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'sweep.plan': (request) => sweeps.plan(request),
    'sweep.start': ({ sweepPlanId, confirmation }) => sweeps.start(sweepPlanId, confirmation),
    'sweep.resume': ({ sweepOperationId }) => sweeps.resume(sweepOperationId),
  };
}
