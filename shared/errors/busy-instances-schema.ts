import { z } from 'zod';
import { regionIdSchema } from '../domain/ecs';
import { operationActionSchema } from '../domain/operation';

/**
 * For OPERATION_INSTANCES_BUSY: the running operation that already changes some of the instances asked for (the one
 * holding the most of them), so the refusal can say which operation to wait for or stop.
 */
export const busyInstancesSchema = z.strictObject({
  operationId: z.string().max(64),
  action: operationActionSchema,
  /** The key pair it detaches or attaches; null for a reboot. */
  keyPairName: z.string().max(256).nullable(),
  regionId: regionIdSchema,
  /** How many of the instances asked for are being changed by running operations (that one and any other). */
  overlapping: z.number().int().positive(),
  /** How many instances were asked for. */
  asked: z.number().int().positive(),
});
export type BusyInstances = z.infer<typeof busyInstancesSchema>;
