import type { KeyPairRef } from '../../shared/domain/detachability';
import type { Instance } from '../../shared/domain/ecs';
import type { OperationResult } from '../../shared/domain/operation';
import { AppError } from '../../shared/errors/app-error';
import { listInstancesById } from '../inventory/scoped-listings';
import type { EcsClient } from '../volcengine/ecs-client';

/**
 * What an undo puts back: the detach's key pair on the instances it was taken off. Refused (UNDO_NOT_POSSIBLE) for
 * anything but a detach that has ended (finished or cancelled) with at least one success. A detach still running or
 * interrupted is refused too: its outcomes are not final, and resuming it after an undo would take the key off again.
 */
export function undoableDetach(detach: OperationResult): { keyPair: KeyPairRef; instanceIds: string[] } {
  const { plan, progress } = detach;
  if (plan.action !== 'detach-key-pair' || plan.keyPair === null) throw new AppError('UNDO_NOT_POSSIBLE', 'Only a detach can be undone.');
  if (progress.state !== 'finished' && progress.state !== 'cancelled') {
    throw new AppError('UNDO_NOT_POSSIBLE', `The detach is ${progress.state}: it can be undone once it has ended (resume or abandon it first).`);
  }
  const instanceIds = detach.outcomes.filter((outcome) => outcome.status === 'succeeded').map((outcome) => outcome.instanceId);
  if (instanceIds.length === 0) throw new AppError('UNDO_NOT_POSSIBLE', 'The detach took the key off no instance.');
  return { keyPair: plan.keyPair, instanceIds };
}

/**
 * The instances read now by ID (DescribeInstances, at most 100 IDs a request, through the client's read pacer):
 * those Volcengine still has, and the IDs it no longer has (released since). A failed read throws: an undo is never
 * judged by an older read.
 */
export async function readForUndo(client: Pick<EcsClient, 'listInstances'>, instanceIds: readonly string[]): Promise<{ fresh: Map<string, Instance>; missing: string[] }> {
  const fresh = new Map<string, Instance>();
  const missing = await listInstancesById({
    client,
    signal: new AbortController().signal,
    instanceIds,
    onInstances: (page) => page.forEach((instance) => fresh.set(instance.instanceId, instance)),
  });
  return { fresh, missing };
}
