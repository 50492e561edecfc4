import type { Locale } from '../domain/locale';
// Type only: the renderer runs this module, and the schema (zod) stays in main's bundle.
import type { BusyInstances } from './busy-instances-schema';

export type { BusyInstances };

const shortId = (operationId: string) => operationId.slice(0, 8);

/** The sentence that names the running operation, in the user's language. */
export function describeBusyInstances(busy: BusyInstances, locale: Locale): string {
  const id = shortId(busy.operationId);
  if (locale === 'zh-CN') {
    const verb = busy.action === 'attach-key-pair' ? '绑定' : '解绑';
    const what = busy.action === 'reboot' ? `在 ${busy.regionId} 重启实例` : `在 ${busy.regionId} ${verb}密钥对“${busy.keyPairName ?? ''}”`;
    return `正在运行的操作：${what}（操作 ${id}…）。本次的 ${busy.asked} 台实例中有 ${busy.overlapping} 台正在被更改。`;
  }
  const change = busy.action === 'attach-key-pair' ? 'an attach' : 'a detach';
  const what = busy.action === 'reboot' ? `a reboot in ${busy.regionId}` : `${change} of key pair “${busy.keyPairName ?? ''}” in ${busy.regionId}`;
  const count = busy.asked === 1 ? 'the instance' : `${busy.overlapping} of these ${busy.asked} instances`;
  return `Running now: ${what} (operation ${id}…), which is changing ${count}.`;
}
