import type { EcsSimulator } from '../../../../simulator/ecs-simulator';
import type { FaultRule } from '../../../../simulator/fault-injection';
import type { FaultyNetwork } from './faulty-network';

/** The faults of the matrix, in the order of the issue. */
export const matrixFaults = [
  'timeout',
  'reset-after-apply',
  'http-500',
  'http-412',
  'http-429',
  'html-body',
  'truncated-json',
  'dns-failure',
  'connection-refused',
  'clock-skew',
] as const;
export type MatrixFault = (typeof matrixFaults)[number];

/** Where a fault strikes: the simulator's rule fields (an ECS action, the instances of one batch, one region). */
export type FaultAim = Pick<FaultRule, 'action' | 'instanceIds' | 'region' | 'params' | 'skip'>;

/**
 * How often it strikes. `transient` fires `times` times and then lets the retry through; `persistent` fires on every
 * matching request, so the client's retries run out and the admin's follow-up (a re-check, a second run once the
 * fault is gone) has to settle it.
 */
export type FaultDose = { persistence: 'transient'; times: number } | { persistence: 'persistent' };

/** Everything a fault can be installed on. */
export interface FaultSurface {
  simulator: EcsSimulator;
  network: FaultyNetwork;
}

/** The gateway's clock is this far ahead: past the spec's 900 s window for a signature. */
export const clockSkewMs = 20 * 60 * 1000;

/** The Retry-After of the 429 fault; the client must wait at least this long before each retry. */
export const retryAfterSeconds = 1;

export interface FaultDefinition {
  /** For the table: what happens, in the words. */
  readonly label: string;
  /**
   * False for clock skew: the client never retries a 403 (the spec's rule for 4xx), so a skew cannot be "ridden
   * out" by retries and the gateway's clock is the same for every request; the cell skews it for the whole run.
   */
  readonly canTarget: boolean;
  arm(surface: FaultSurface, aim: FaultAim, dose: FaultDose): void;
}

/** A simulator rule for `aim` and `dose`. */
function rule(base: Omit<FaultRule, 'action' | 'instanceIds' | 'region' | 'params' | 'skip' | 'times'>, aim: FaultAim, dose: FaultDose): FaultRule {
  return { ...base, ...aim, ...(dose.persistence === 'transient' ? { times: dose.times } : {}) };
}

const simulatorFault = (label: string, base: Omit<FaultRule, 'action' | 'instanceIds' | 'region' | 'params' | 'skip' | 'times'>): FaultDefinition => ({
  label,
  canTarget: true,
  arm: (surface, aim, dose) => surface.simulator.addFault(rule(base, aim, dose)),
});

const networkFault = (label: string, failure: 'dns' | 'refused'): FaultDefinition => ({
  label,
  canTarget: true,
  arm: (surface, aim, dose) => surface.network.addFault({ failure, ...aim, ...(dose.persistence === 'transient' ? { times: dose.times } : {}) }),
});

/**
 * Each fault and how it is produced. The choices where the issue leaves one open:
 * - timeout: the request IS applied and the answer is held past the client's timeout (slow-reply), the case where
 *   a careless retry would apply twice; the hold is several timeouts long, so it is the client that gives up.
 * - 412 is what the spec says it is, IdempotentProcessing, answered by the gateway without applying anything.
 * - 429 is FlowLimitExceeded with `Retry-After`, nothing applied.
 * - an HTML body is a proxy's 502 page, nothing applied; truncated JSON is the real answer cut in half, applied.
 * - DNS failure and connection refused are real: an `.invalid` host and a closed loopback port.
 */
export function faultDefinition(fault: MatrixFault, options: { slowReplyMs: number }): FaultDefinition {
  switch (fault) {
    case 'timeout':
      return simulatorFault('timeout before the reply (applied)', { kind: 'slow-reply', delayMs: options.slowReplyMs });
    case 'reset-after-apply':
      return simulatorFault('connection reset after applying', { kind: 'destroy-after-apply' });
    case 'http-500':
      return simulatorFault('500 InternalError', { kind: 'internal-error' });
    case 'http-412':
      return simulatorFault('412 IdempotentProcessing', { kind: 'api-error', code: 'IdempotentProcessing' });
    case 'http-429':
      return simulatorFault('429 with Retry-After', { kind: 'api-error', code: 'FlowLimitExceeded', retryAfterSeconds });
    case 'html-body':
      return simulatorFault('HTML body (502 proxy page)', { kind: 'html-502' });
    case 'truncated-json':
      return simulatorFault('truncated JSON (applied)', { kind: 'truncated-json' });
    case 'dns-failure':
      return networkFault('DNS failure', 'dns');
    case 'connection-refused':
      return networkFault('connection refused', 'refused');
    case 'clock-skew':
      return {
        label: 'clock skew (403 InvalidTimestamp)',
        canTarget: false,
        arm: (surface) => surface.simulator.setClockOffset(clockSkewMs),
      };
  }
}

/** Takes every fault away: the network is back, the clock is set. */
export function clearFaults(surface: FaultSurface): void {
  surface.simulator.setFaults([]);
  surface.simulator.setClockOffset(0);
  surface.network.clearFaults();
}
