import type { Instance } from '../../../../shared/domain/ecs';
import { keyPairLabel } from './instance-facets';
import { tagsTextOf } from './instance-search';

export const sortColumns = ['name', 'instanceId', 'status', 'os', 'keyPair', 'zone', 'privateIp', 'publicIp', 'tags', 'project'] as const;
export type SortColumn = (typeof sortColumns)[number];

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

const blankToNull = (text: string | null): string | null => (text === null || text === '' ? null : text);

/** The raw text a column sorts by; null (or blank) is a missing value, which always sorts last. */
export function sortTextOf(instance: Instance, column: SortColumn): string | null {
  switch (column) {
    case 'name':
      return blankToNull(instance.instanceName);
    case 'instanceId':
      return blankToNull(instance.instanceId);
    case 'status':
      return blankToNull(instance.status);
    case 'os':
      return blankToNull([instance.osType, instance.osName].filter((part) => part !== '').join(' '));
    case 'keyPair':
      return blankToNull(keyPairLabel(instance));
    case 'zone':
      return blankToNull(instance.zoneId);
    case 'privateIp':
      return blankToNull(instance.privateIp);
    case 'publicIp':
      return blankToNull(instance.publicIp);
    case 'tags':
      return blankToNull(tagsTextOf(instance));
    case 'project':
      return blankToNull(instance.projectName);
  }
}
