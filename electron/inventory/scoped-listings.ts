import type { KeyPairRef } from '../../shared/domain/detachability';
import type { Instance } from '../../shared/domain/ecs';
import { splitIntoBatches } from '../volcengine/batching';
import { pageSizes } from '../volcengine/ecs-actions';
import type { EcsClient } from '../volcengine/ecs-client';

type ListingClient = Pick<EcsClient, 'listInstances'>;

interface ScopedListingOptions {
  client: ListingClient;
  signal: AbortSignal;
  /** Each page's kept instances as they arrive; never empty. */
  onInstances: (instances: Instance[], counts: { received: number; totalCount: number | null }) => void;
}

/**
 * The instances bound to one key pair: DescribeInstances filtered by `KeyPairName`, kept only where the returned
 * `KeyPairId` is the chosen one (the filter is the service's, and a name can outlive the key pair it named). A
 * detach needs nothing else, so it costs ceil(M/100) requests whatever the size of the region. The admin waits for
 * it, so its requests go before a region still streaming in. Rejects when a page fails (retries spent) or on
 * cancel: an incomplete list of a key's instances must not be taken for the whole.
 */
export async function listKeyPairInstances(options: ScopedListingOptions & { keyPair: KeyPairRef }): Promise<Set<string>> {
  const { keyPair } = options;
  const bound = new Set<string>();
  await options.client.listInstances(
    { keyPairName: keyPair.keyPairName },
    {
      signal: options.signal,
      priority: 'high',
      onPage: (page) => {
        const kept = page.items.filter((instance) => instance.keyPairId === keyPair.keyPairId && !bound.has(instance.instanceId));
        for (const instance of kept) bound.add(instance.instanceId);
        // The total is the service's count for the name; the kept ones can only be fewer.
        if (kept.length > 0) options.onInstances(kept, { received: bound.size, totalCount: page.totalCount ?? null });
      },
    },
  );
  return bound;
}

/**
 * These instances, read again (after an operation changed them), 100 IDs a request. Resolves to those Volcengine
 * no longer has (deleted since). Rejects on a failed page or on cancel.
 */
export async function listInstancesById(options: ScopedListingOptions & { instanceIds: readonly string[] }): Promise<string[]> {
  const wanted = [...new Set(options.instanceIds)];
  const found = new Set<string>();
  for (const chunk of splitIntoBatches(wanted, pageSizes.instances)) {
    await options.client.listInstances(
      { instanceIds: chunk },
      {
        signal: options.signal,
        priority: 'high',
        onPage: (page) => {
          const kept = page.items.filter((instance) => !found.has(instance.instanceId));
          for (const instance of kept) found.add(instance.instanceId);
          if (kept.length > 0) options.onInstances(kept, { received: found.size, totalCount: wanted.length });
        },
      },
    );
  }
  return wanted.filter((instanceId) => !found.has(instanceId));
}
