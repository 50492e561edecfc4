import { detachBlocker } from '../../shared/domain/detachability';
import type { Instance } from '../../shared/domain/ecs';
import {
  typedConfirmationThreshold,
  type ExclusionReason,
  type OperationPlan,
  type PlannedRequest,
  type PlanRequest,
} from '../../shared/domain/operation';
import type { ProfileRecord } from '../credentials/profile-file';
import { splitIntoBatches, uniqueInOrder } from '../volcengine/batching';

/** A plan as main keeps it: what the renderer reviews, plus the ClientToken of each request in order. */
export interface StoredPlan {
  plan: OperationPlan;
  clientTokens: string[];
}

const ecsAction = { 'detach-key-pair': 'DetachKeyPair', reboot: 'RebootInstances' } as const;

function exclusionOf(request: PlanRequest, instance: Instance | undefined): ExclusionReason | null {
  if (instance === undefined) return 'not-in-inventory';
  if (request.action === 'reboot') return instance.status === 'RUNNING' ? null : 'not-running';
  return request.keyPair === null ? 'no-key' : detachBlocker(instance, request.keyPair);
}

/**
 * Turns a selection into a plan against main's own inventory: instances that cannot take part are excluded with
 * their reason, the rest are split into requests of at most 100, each with a fresh ClientToken that every retry of
 * that request will reuse. The requests listed are exactly what will be sent, signature aside.
 */
export function buildPlan(options: {
  request: PlanRequest;
  profile: ProfileRecord;
  instances: ReadonlyMap<string, Instance>;
  planId: string;
  newClientToken: () => string;
}): StoredPlan {
  const { request } = options;
  const byId = options.instances;
  const included: string[] = [];
  const excluded: OperationPlan['excluded'] = [];
  for (const instanceId of uniqueInOrder(request.instanceIds)) {
    const reason = exclusionOf(request, byId.get(instanceId));
    if (reason === null) included.push(instanceId);
    else excluded.push({ instanceId, reason });
  }
  const clientTokens: string[] = [];
  const requests: PlannedRequest[] = splitIntoBatches(included).map((batch) => {
    const clientToken = options.newClientToken();
    clientTokens.push(clientToken);
    const query: Array<[string, string]> = [['Action', ecsAction[request.action]], ['ClientToken', clientToken]];
    batch.forEach((instanceId, index) => query.push([`InstanceIds.${index + 1}`, instanceId]));
    if (request.action === 'reboot') query.push(['ForceStop', String(request.forceStop)]);
    // The ID alone: it is unambiguous, and Volcengine prefers it over the name anyway.
    else if (request.keyPair !== null) query.push(['KeyPairId', request.keyPair.keyPairId]);
    return { action: ecsAction[request.action], query };
  });
  const needsTypedConfirmation = request.action === 'detach-key-pair' && included.length >= typedConfirmationThreshold;
  return {
    clientTokens,
    plan: {
      planId: options.planId,
      action: request.action,
      profileId: options.profile.id,
      profileName: options.profile.name,
      accessKeyHint: options.profile.accessKeyHint,
      regionId: request.regionId,
      keyPair: request.action === 'detach-key-pair' ? request.keyPair : null,
      forceStop: request.action === 'reboot' && request.forceStop,
      instanceIds: included,
      excluded,
      requests,
      confirmationText: needsTypedConfirmation ? (request.keyPair?.keyPairName ?? null) : null,
    },
  };
}
