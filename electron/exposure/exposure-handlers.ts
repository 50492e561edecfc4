import type { PartialIpcHandlers } from '../ipc/handler-types';
import type { ExposureService } from './exposure-service';

export function createExposureHandlers(exposure: ExposureService): PartialIpcHandlers<'operations.exposure'> {
  return {
    'operations.exposure': ({ operationId }) => exposure.check(operationId),
  };
}
