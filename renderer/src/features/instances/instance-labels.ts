import { knownInstanceStatuses } from '../../../../shared/domain/instance-statuses';
import type { MessageKey } from '../../i18n/messages';
import type { TableMode } from './instance-key-listing';
import type { RowBlocker } from './instance-rows';

type Translate = (key: MessageKey) => string;

const knownStatuses: ReadonlySet<string> = new Set(knownInstanceStatuses);

/** A status in the user's language; a status Volcengine added after this app was written is shown as sent. */
export function statusLabel(t: Translate, status: string): string {
  return knownStatuses.has(status) ? t(`instances.status.${status as (typeof knownInstanceStatuses)[number]}`) : status;
}

export type StatusColor = 'green' | 'gray' | 'orange' | 'red';

/** Green runs, gray is stopped, orange is on its way somewhere, red needs attention. */
export function statusColor(status: string): StatusColor {
  if (status === 'RUNNING') return 'green';
  if (status === 'STOPPED') return 'gray';
  if (status === 'ERROR' || status === 'DELETING') return 'red';
  return 'orange';
}

/** `mode`: the same rule reads "can be detached" or "can be attached". */
export function blockerLabel(t: Translate, blocker: RowBlocker, mode: TableMode = 'detach'): string {
  return t(blocker === 'status' && mode === 'attach' ? 'instances.blocker.status.attach' : `instances.blocker.${blocker}`);
}
