import type { KeyPairRef } from '../../shared/domain/detachability';
import type { Instance } from '../../shared/domain/ecs';
import type { ExposureRead } from '../../shared/domain/exposure';
import type { AppErrorData } from '../../shared/errors/app-error';
import { cloudErrorData } from '../cloud/profile-clients';
import { listInstancesById, listKeyPairInstances } from '../inventory/scoped-listings';
import type { EcsClient } from '../volcengine/ecs-client';

export interface FreshReads {
  /** The key pair's instances; null when the listing failed. */
  bound: Instance[] | null;
  /** The instances asked for by ID, those Volcengine still has; null when a page failed. */
  read: Map<string, Instance> | null;
  problems: Array<{ read: ExposureRead; error: AppErrorData }>;
}

/**
 * The two reads a check rests on, made now with the profile's client (so through its read pacer): the key pair's
 * instances (DescribeInstances by KeyPairName, kept where KeyPairId is the key's; see scoped-listings.ts) and the
 * given instances by ID (100 a request). Each may fail alone; a failed one is reported, never taken for "none".
 */
export async function readFresh(client: Pick<EcsClient, 'listInstances'>, keyPair: KeyPairRef, instanceIds: readonly string[]): Promise<FreshReads> {
  const signal = new AbortController().signal;
  const problems: FreshReads['problems'] = [];
  const listBound = async () => {
    const instances: Instance[] = [];
    try {
      await listKeyPairInstances({ client, signal, keyPair, onInstances: (page) => instances.push(...page) });
      return instances;
    } catch (error) {
      problems.push({ read: 'key-pair-listing', error: cloudErrorData(error, 'Listing the key pair’s instances') });
      return null;
    }
  };
  const readById = async () => {
    const instances = new Map<string, Instance>();
    if (instanceIds.length === 0) return instances;
    try {
      await listInstancesById({ client, signal, instanceIds, onInstances: (page) => page.forEach((instance) => instances.set(instance.instanceId, instance)) });
      return instances;
    } catch (error) {
      problems.push({ read: 'detached-instances', error: cloudErrorData(error, 'Reading the instances by ID') });
      return null;
    }
  };
  const [bound, read] = await Promise.all([listBound(), readById()]);
  problems.sort((a, b) => a.read.localeCompare(b.read));
  return { bound, read, problems };
}
