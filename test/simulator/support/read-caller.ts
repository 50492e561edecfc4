import type { ActionOutcome } from '../../../simulator/actions/action-types';
import { createChangeCounter } from '../../../simulator/change-counter';
import { apiVersion } from '../../../simulator/envelope';
import { createFleetState } from '../../../simulator/fleet-state';
import { createIdempotencyStore } from '../../../simulator/idempotency-store';
import { createQueryParams } from '../../../simulator/query-params';
import { createRouter } from '../../../simulator/router';
import type { FleetDefinition } from '../../../simulator/simulator-types';
import { parseEnvelope } from './signed-client';
import type { SignedClient } from './signed-client';

/** Calls a read action in a region and hands back its Result, or throws when the action answered an error. */
export type ReadCaller = (action: string, regionId: string, params: Record<string, string>) => Promise<unknown>;

/**
 * The simulator's router on a fleet, without HTTP or signatures: the same action table and handlers, so property
 * tests can afford many runs over large fleets. A couple of runs over HTTP (httpReadCaller) cover the rest.
 */
export function directReadCaller(fleet: FleetDefinition): ReadCaller {
  const route = createRouter({
    fleet: createFleetState(fleet),
    changes: createChangeCounter(),
    idempotency: createIdempotencyStore<ActionOutcome>(),
    nowMs: () => 0,
    wait: () => Promise.resolve(),
    latencyMs: () => 0,
    rebootDurationMs: () => 0,
    rebootEnding: () => 'running',
    isClosed: () => false,
  });
  return async (action, regionId, params) => {
    const routed = await route({
      accessKeyId: 'direct',
      regionId,
      params: createQueryParams(Object.entries({ Action: action, Version: apiVersion, ...params })),
      isInstanceFlowLimited: () => false,
    });
    if (routed === 'closed') throw new Error(`${action} found the router closed`);
    if (routed.outcome.kind === 'error') throw new Error(`${action} failed: ${routed.outcome.error.code}`);
    return routed.outcome.result;
  };
}

/** The same calls, signed and sent to a running simulator. */
export function httpReadCaller(client: SignedClient): ReadCaller {
  return async (action, regionId, params) => {
    const reply = await client.ecs(action, params, { region: regionId });
    if (reply.status !== 200) throw new Error(`${action} answered ${reply.status}: ${reply.text}`);
    return parseEnvelope(reply).Result;
  };
}
