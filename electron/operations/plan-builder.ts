import { detachBlocker } from '../../shared/domain/detachability';
import type { BatchPlan, Instance } from '../../shared/domain/ecs';
import type { RollingRules } from '../../shared/domain/rolling-reboot';
import {
  rebootConfirmationText,
  typedConfirmationThreshold,
  type ExclusionReason,
  type OperationPlan,
  type PlannedRequest,
  type PlanRequest,
} from '../../shared/domain/operation';
import type { Settings } from '../../shared/domain/settings';
import type { ProfileRecord } from '../credentials/profile-file';
import { splitIntoBatches, uniqueInOrder } from '../volcengine/batching';
import { resolveEcsEndpoint } from '../volcengine/ecs-endpoint';
import { attachExclusionOf, replacementsOf, type UndoSource } from './attach-judgement';
import { breakdownOf, briefsOf, estimateOf, leftBehindOf } from './plan-summary';
import { formWaves } from './reboot-waves';

/** A plan as main keeps it: what the renderer reviews, plus the batches (with their ClientTokens) it will send. */
export interface StoredPlan {
  plan: OperationPlan;
  batches: BatchPlan[];
}

const ecsAction = { 'detach-key-pair': 'DetachKeyPair', 'attach-key-pair': 'AttachKeyPair', reboot: 'RebootInstances' } as const;

/** The API call a batch makes, exactly as it is sent (the signature aside): what the review's "show requests" lists. */
export function plannedRequestFor(plan: Pick<OperationPlan, 'action' | 'keyPair' | 'forceStop'>, batch: BatchPlan): PlannedRequest {
  const query: Array<[string, string]> = [['Action', ecsAction[plan.action]], ['ClientToken', batch.clientToken]];
  batch.instanceIds.forEach((instanceId, index) => query.push([`InstanceIds.${index + 1}`, instanceId]));
  if (plan.action === 'reboot') query.push(['ForceStop', String(plan.forceStop)]);
  // The ID alone (detach and attach alike): it is unambiguous, and Volcengine prefers it over the name anyway.
  else if (plan.keyPair !== null) query.push(['KeyPairId', plan.keyPair.keyPairId]);
  return { action: ecsAction[plan.action], query };
}

/**
 * Why an instance cannot take part, or null. A detach takes only instances of the key pair's own complete listing
 * (`bound`); one the listing lacks is judged by what else was read of it, and `not-bound` when that read still
 * showed the key (its binding changed since).
 */
function exclusionOf(
  request: PlanRequest,
  instanceId: string,
  instances: ReadonlyMap<string, Instance>,
  bound: ReadonlyMap<string, Instance> | null,
  undo: UndoSource | undefined,
): ExclusionReason | null {
  if (request.action === 'reboot') {
    const instance = instances.get(instanceId);
    if (instance === undefined) return 'not-in-inventory';
    return instance.status === 'RUNNING' ? null : 'not-running';
  }
  if (request.keyPair === null) return 'no-key';
  if (request.action === 'attach-key-pair') return attachExclusionOf(instanceId, request.keyPair, instances, undo);
  const listed = bound?.get(instanceId);
  if (listed !== undefined) return detachBlocker(listed, request.keyPair);
  const known = instances.get(instanceId);
  if (known === undefined) return 'not-in-inventory';
  return detachBlocker(known, request.keyPair) ?? 'not-bound';
}

/**
 * Turns a selection into a plan against main's own inventory: instances that cannot take part are excluded with
 * their reason, the rest are split into requests of at most 100, each with a fresh ClientToken that every retry of
 * that request will reuse. The requests listed are exactly what will be sent, signature aside. A detach also lists
 * what it leaves behind: every instance of the key pair's listing that keeps the key, with the reason. An attach
 * lists instead the planned instances whose other key it overwrites (`replacing`); an undo names its detach.
 */
export function buildPlan(options: {
  request: PlanRequest;
  profile: ProfileRecord;
  instances: ReadonlyMap<string, Instance>;
  /** For a detach: every instance bound to the key pair, from its complete listing. */
  bound: ReadonlyMap<string, Instance> | null;
  planId: string;
  newClientToken: () => string;
  /** The pace the operation will be sent at, for the estimate. */
  settings: Pick<Settings, 'changeRequestsPerSecond' | 'requestConcurrency'>;
  /** How a reboot is rolled out in waves (from the settings); a reboot needs it, a detach ignores it. */
  rolling?: RollingRules | undefined;
  /** An undo (an attach only): the detach it undoes and the fresh read its instances are judged by. */
  undo?: UndoSource | undefined;
}): StoredPlan {
  const { request } = options;
  const included: string[] = [];
  const excluded: OperationPlan['excluded'] = [];
  for (const instanceId of uniqueInOrder(request.instanceIds)) {
    const reason = exclusionOf(request, instanceId, options.instances, options.bound, options.undo);
    if (reason === null) included.push(instanceId);
    else excluded.push({ instanceId, reason });
  }
  const keyPair = request.action === 'reboot' ? null : request.keyPair;
  const attach = request.action === 'attach-key-pair' && keyPair !== null;
  const forceStop = request.action === 'reboot' && request.forceStop;
  const needsTypedConfirmation = included.length >= typedConfirmationThreshold;
  // A reboot rolls out in waves; its requests never span two waves.
  const formed =
    request.action === 'reboot' && options.rolling !== undefined && included.length > 0
      ? formWaves({
          instanceIds: included,
          zoneOf: (instanceId) => options.instances.get(instanceId)?.zoneId ?? '',
          rules: options.rolling,
          newClientToken: options.newClientToken,
        })
      : null;
  const plannedIds = formed?.instanceIds ?? included;
  const batches: BatchPlan[] = formed?.batches ?? splitIntoBatches(included).map((instanceIds, index) => ({ index, clientToken: options.newClientToken(), instanceIds }));
  const confirmationText = !needsTypedConfirmation ? null : request.action === 'reboot' ? rebootConfirmationText(included.length) : (request.keyPair?.keyPairName ?? null);
  // The key pair's own listing (a detach's) or the undo's read by ID is the fresher read of an instance.
  const instances = briefsOf(plannedIds, options.undo?.fresh ?? null, options.bound, options.instances);
  const leftBehind =
    keyPair === null || options.bound === null || attach
      ? []
      : leftBehindOf({ bound: options.bound, keyPair, planned: new Set(included), excluded: new Map(excluded.map((entry) => [entry.instanceId, entry.reason])) });
  return {
    batches,
    plan: {
      planId: options.planId,
      action: request.action,
      profileId: options.profile.id,
      profileName: options.profile.name,
      accessKeyHint: options.profile.accessKeyHint,
      accountId: options.profile.accountId ?? null,
      endpoint: resolveEcsEndpoint(options.profile.endpoint, request.regionId).origin,
      regionId: request.regionId,
      keyPair,
      forceStop,
      instanceIds: plannedIds,
      instances,
      excluded,
      leftBehind,
      breakdown: breakdownOf(instances),
      estimate: estimateOf(batches.length, options.settings),
      requests: batches.map((batch) => plannedRequestFor({ action: request.action, keyPair, forceStop }, batch)),
      confirmationText,
      ...(formed === null || options.rolling === undefined ? {} : { rolling: { ...options.rolling, waves: formed.waves } }),
      ...(attach ? { replacing: replacementsOf(plannedIds, keyPair, options.undo?.fresh, options.instances) } : {}),
      ...(options.undo === undefined ? {} : { undoOf: options.undo.operationId }),
    },
  };
}
