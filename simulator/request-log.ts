import type { FaultKind } from './fault-injection';

export interface LoggedRequest {
  readonly requestId: string;
  /** As the query named it; empty when absent. */
  readonly action: string;
  /** The credential scope's region; empty when unreadable. */
  readonly region: string;
  /** The `Host` the request was sent to (the simulator answers under several names; see host-routing.ts). */
  readonly host: string;
  /** 0 when the connection was destroyed and no status was ever sent. */
  readonly httpStatus: number;
  /** The envelope's Error.Code, or undefined for a success (and for faults that send no envelope). */
  readonly errorCode: string | undefined;
  /** How many InstanceIds.N (or an InstanceId) the request named. */
  readonly instanceCount: number;
  readonly clientToken: string | undefined;
  /** The listing filters a read named (DescribeInstances' ZoneId and KeyPairName), to tell listings apart. */
  readonly zoneId: string | undefined;
  readonly keyPairName: string | undefined;
  /** The injected fault, if one fired. */
  readonly fault: FaultKind | undefined;
  /** True when an idempotent answer was replayed instead of applied. */
  readonly replayed: boolean;
}

export interface RequestLog {
  readonly entries: readonly LoggedRequest[];
  readonly append: (entry: LoggedRequest) => void;
  readonly clear: () => void;
}

export function createRequestLog(): RequestLog {
  const entries: LoggedRequest[] = [];
  return {
    entries,
    append: (entry) => {
      entries.push(entry);
    },
    clear: () => {
      entries.length = 0;
    },
  };
}
