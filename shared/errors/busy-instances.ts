import { z } from 'zod';
import { regionIdSchema } from '../domain/ecs';
import type { Locale } from '../domain/locale';
import { operationActionSchema } from '../domain/operation';

/**
 * For OPERATION_INSTANCES_BUSY: the running operation that already changes some of the instances asked for (the one
 * holding the most of them), so the refusal can say which operation to wait for or stop.
 */
export const busyInstancesSchema = z.strictObject({
  operationId: z.string().max(64),
  action: operationActionSchema,
  /** The key pair it detaches; null for a reboot. */
  keyPairName: z.string().max(256).nullable(),
  regionId: regionIdSchema,
  /** How many of the instances asked for are being changed by running operations (that one and any other). */
  overlapping: z.number().int().positive(),
  /** How many instances were asked for. */
  asked: z.number().int().positive(),
});
export type BusyInstances = z.infer<typeof busyInstancesSchema>;

const shortId = (operationId: string) => operationId.slice(0, 8);

/** The sentence that names the running operation, in the user's language. */
export function describeBusyInstances(busy: BusyInstances, locale: Locale): string {
  const id = shortId(busy.operationId);
  if (locale === 'zh-CN') {
    const what = busy.action === 'reboot' ? `在 ${busy.regionId} 重启实例` : `在 ${busy.regionId} 解绑密钥对“${busy.keyPairName ?? ''}”`;
    return `正在运行的操作：${what}（操作 ${id}…）。本次的 ${busy.asked} 台实例中有 ${busy.overlapping} 台正在被更改。`;
  }
  const what = busy.action === 'reboot' ? `a reboot in ${busy.regionId}` : `a detach of key pair “${busy.keyPairName ?? ''}” in ${busy.regionId}`;
  const count = busy.asked === 1 ? 'the instance' : `${busy.overlapping} of these ${busy.asked} instances`;
  return `Running now: ${what} (operation ${id}…), which is changing ${count}.`;
}
