import type { z } from 'zod';
import type { Instance, KeyPair, ListProgress, Region, Zone } from '../../shared/domain/ecs';
import { splitIntoBatches } from './batching';
import type { EcsCaller } from './ecs-caller';
import { toInstance, toKeyPair } from './ecs-mappers';
import {
  describeInstancesResultSchema,
  describeKeyPairsResultSchema,
  describeRegionsResultSchema,
  describeZonesResultSchema,
  operationResultSchema,
} from './ecs-wire-schemas';
import { runInstanceOperation, type InstanceOperationOptions, type InstanceOperationResult } from './instance-operation';
import { collectAllPages, forEachPage, type ListOptions, type Page, type StreamOptions, type StreamSummary } from './pagination';
import { toQueryParams } from './query-params';
import type { PacerPriority, RequestPacer } from './request-pacer';

/** Page sizes: the documented maximum for regions, and the spec's advice (100) for the rest. */
export const pageSizes = { regions: 20, instances: 100, keyPairs: 100 } as const;

export interface TagFilter {
  key: string;
  values?: readonly string[] | undefined;
}

export interface DescribeRegionsFilter {
  regionIds?: readonly string[] | undefined;
}

export interface DescribeInstancesFilter {
  /** Any number: more than 100 are asked for 100 at a time. */
  instanceIds?: readonly string[] | undefined;
  instanceName?: string | undefined;
  status?: string | undefined;
  zoneId?: string | undefined;
  vpcId?: string | undefined;
  primaryIpAddress?: string | undefined;
  /** Instances bound to this key pair. */
  keyPairName?: string | undefined;
  projectName?: string | undefined;
  tagFilters?: readonly TagFilter[] | undefined;
  instanceChargeType?: string | undefined;
}

export interface DescribeZonesFilter {
  zoneIds?: readonly string[] | undefined;
}

/** One DescribeInstances request's worth, for a caller that pages by itself. */
export interface PageRequestOptions {
  /** Absent for the first page. */
  nextToken?: string | undefined;
  signal?: AbortSignal | undefined;
  priority?: PacerPriority | undefined;
}

export interface DescribeKeyPairsFilter {
  /** Fuzzy match. */
  keyPairName?: string | undefined;
  keyPairNames?: readonly string[] | undefined;
  keyPairIds?: readonly string[] | undefined;
  fingerPrint?: string | undefined;
  projectName?: string | undefined;
  tagFilters?: readonly TagFilter[] | undefined;
}

/** Which key pair: by ID or by name. Volcengine prefers the ID when both are given. */
export type KeyPairReference = { keyPairId: string; keyPairName?: string | undefined } | { keyPairName: string; keyPairId?: undefined };

export interface KeyPairChangeRequest {
  instanceIds: readonly string[];
  keyPair: KeyPairReference;
}

export interface RebootRequest {
  instanceIds: readonly string[];
  /** A hard power-off that can lose unflushed data; false unless the admin asked for it. */
  forceStop?: boolean | undefined;
}

export interface ChangeOptions extends InstanceOperationOptions {
  /** Batches in flight at once; the client's default when absent. */
  concurrency?: number | undefined;
}

export interface EcsActions {
  describeRegions(filter?: DescribeRegionsFilter, options?: ListOptions): Promise<Region[]>;
  /** The region's zones, in one request (the action has no paging). */
  describeZones(filter?: DescribeZonesFilter, options?: Omit<ListOptions, 'onProgress'>): Promise<Zone[]>;
  describeInstances(filter?: DescribeInstancesFilter, options?: ListOptions): Promise<Instance[]>;
  /** One page of DescribeInstances (at most 100 instances); `filter.instanceIds` may hold at most 100. */
  describeInstancesPage(filter: DescribeInstancesFilter, options?: PageRequestOptions): Promise<Page<Instance>>;
  /**
   * DescribeInstances from the first page (or from `startToken`, a NextToken an earlier page returned) to the last,
   * each page handed to `onPage` as it arrives; nothing is collected.
   */
  listInstances(filter: DescribeInstancesFilter, options: StreamOptions<Instance> & { startToken?: string | undefined }): Promise<StreamSummary>;
  describeKeyPairs(filter?: DescribeKeyPairsFilter, options?: ListOptions): Promise<KeyPair[]>;
  detachKeyPair(request: KeyPairChangeRequest, options?: ChangeOptions): Promise<InstanceOperationResult>;
  attachKeyPair(request: KeyPairChangeRequest, options?: ChangeOptions): Promise<InstanceOperationResult>;
  rebootInstances(request: RebootRequest, options?: ChangeOptions): Promise<InstanceOperationResult>;
}

export interface EcsActionsDependencies {
  call: EcsCaller;
  batchConcurrency: number;
  /** DescribeInstances MaxResults; `pageSizes.instances` when absent. */
  instancePageSize?: number | undefined;
  /** Paces every send of a change, retries included; unpaced when absent. */
  changePacer?: RequestPacer | undefined;
  /** Paces every read (Describe*), retries included; shared by the clients of one profile; unpaced when absent. */
  readPacer?: RequestPacer | undefined;
  newClientToken: () => string;
}

function tagFilterParams(filters: readonly TagFilter[] | undefined) {
  return filters?.map((filter) => ({ Key: filter.key, Values: filter.values ?? [] }));
}

export function createEcsActions(dependencies: EcsActionsDependencies): EcsActions {
  const { call, readPacer } = dependencies;

  /** A whole listing at high priority holds background reads back while it runs (see RequestPacer.prioritize). */
  function prioritized<T>(priority: PacerPriority | undefined, work: () => Promise<T>): Promise<T> {
    return priority === 'high' && readPacer !== undefined ? readPacer.prioritize(work) : work();
  }

  /** A read: every attempt, retries included, waits for the profile's read pace first. */
  function read<T>(action: string, params: Record<string, string>, schema: z.ZodType<T>, options: Pick<ListOptions, 'signal' | 'priority'>) {
    const { signal, priority } = options;
    return call(action, params, schema, { signal, onAttempt: readPacer === undefined ? undefined : () => readPacer.acquire({ priority, signal }) });
  }

  function describeInstancesParams(filter: DescribeInstancesFilter, instanceIds: readonly string[] | undefined) {
    return {
      InstanceIds: instanceIds,
      InstanceName: filter.instanceName,
      Status: filter.status,
      ZoneId: filter.zoneId,
      VpcId: filter.vpcId,
      PrimaryIpAddress: filter.primaryIpAddress,
      KeyPairName: filter.keyPairName,
      ProjectName: filter.projectName,
      TagFilters: tagFilterParams(filter.tagFilters),
      InstanceChargeType: filter.instanceChargeType,
      MaxResults: dependencies.instancePageSize ?? pageSizes.instances,
    };
  }

  async function describeInstancesPage(filter: DescribeInstancesFilter, options: PageRequestOptions): Promise<Page<Instance>> {
    if (filter.instanceIds !== undefined && filter.instanceIds.length > pageSizes.instances) {
      throw new RangeError(`one DescribeInstances page takes at most ${pageSizes.instances} InstanceIds`);
    }
    const params = toQueryParams({ ...describeInstancesParams(filter, filter.instanceIds), NextToken: options.nextToken });
    const { result } = await read('DescribeInstances', params, describeInstancesResultSchema, options);
    return { items: (result.Instances ?? []).map(toInstance), nextToken: result.NextToken, totalCount: result.TotalCount };
  }

  function describeInstancesChunk(filter: DescribeInstancesFilter, instanceIds: readonly string[] | undefined, options: ListOptions) {
    const chunkFilter = { ...filter, instanceIds };
    return collectAllPages('DescribeInstances', (nextToken) => describeInstancesPage(chunkFilter, { ...options, nextToken }), options);
  }

  function changeInstances(action: string, instanceIds: readonly string[], params: Record<string, string | boolean | undefined>, options: ChangeOptions) {
    return runInstanceOperation({
      action,
      instanceIds,
      concurrency: options.concurrency ?? dependencies.batchConcurrency,
      newClientToken: dependencies.newClientToken,
      options,
      beforeFirstSend: dependencies.changePacer === undefined ? undefined : () => dependencies.changePacer!.acquire(),
      sendBatch: async (batch, onAttempt) => {
        const query = toQueryParams({ ...params, InstanceIds: batch.instanceIds, ClientToken: batch.clientToken });
        // No signal: a batch that has been sent finishes, retries included, so its outcome is known.
        // A retry is paced too, before the journal records it, so the record says when it really left. (The first
        // send is paced by beforeFirstSend, where a cancellation during the wait is still noticed.)
        const pacedAttempt = async (attempt: number) => {
          if (attempt > 1) await dependencies.changePacer?.acquire();
          await onAttempt(attempt);
        };
        const answer = await call(action, query, operationResultSchema, { onAttempt: pacedAttempt });
        const details = (answer.result.OperationDetails ?? []).map((detail) => ({
          instanceId: detail.InstanceId,
          error: detail.Error === null || detail.Error === undefined ? detail.Error : { code: detail.Error.Code, message: detail.Error.Message },
        }));
        return { details, requestId: answer.requestId, httpStatus: answer.httpStatus };
      },
    });
  }

  return {
    describeRegions(filter = {}, options = {}) {
      return collectAllPages(
        'DescribeRegions',
        async (nextToken) => {
          const query = toQueryParams({ RegionIds: filter.regionIds, MaxResults: pageSizes.regions, NextToken: nextToken });
          const { result } = await read('DescribeRegions', query, describeRegionsResultSchema, options);
          return { items: (result.Regions ?? []).map((region) => ({ regionId: region.RegionId })), nextToken: result.NextToken };
        },
        options,
      );
    },

    async describeZones(filter = {}, options = {}) {
      const { result } = await read('DescribeZones', toQueryParams({ ZoneIds: filter.zoneIds }), describeZonesResultSchema, options);
      return (result.Zones ?? []).map((zone) => ({ zoneId: zone.ZoneId }));
    },

    describeInstancesPage(filter, options = {}) {
      return describeInstancesPage(filter, options);
    },

    listInstances(filter, options) {
      if (filter.instanceIds !== undefined && filter.instanceIds.length > pageSizes.instances) {
        throw new RangeError(`a streamed listing takes at most ${pageSizes.instances} InstanceIds; list longer ones in chunks`);
      }
      return prioritized(options.priority, () =>
        forEachPage('DescribeInstances', (nextToken) => describeInstancesPage(filter, { ...options, nextToken }), options, options.startToken),
      );
    },

    async describeInstances(filter = {}, options = {}) {
      if (filter.instanceIds === undefined || filter.instanceIds.length <= pageSizes.instances) {
        return describeInstancesChunk(filter, filter.instanceIds, options);
      }
      // InstanceIds.N takes at most 100 (spec), so a longer list is asked for in chunks; progress adds up.
      const instances: Instance[] = [];
      let pagesBefore = 0;
      for (const chunk of splitIntoBatches(filter.instanceIds, pageSizes.instances)) {
        const itemsBefore = instances.length;
        let pagesInChunk = 0;
        const onProgress = (progress: ListProgress) => {
          pagesInChunk = progress.pages;
          options.onProgress?.({ pages: pagesBefore + progress.pages, items: itemsBefore + progress.items });
        };
        instances.push(...(await describeInstancesChunk(filter, chunk, { signal: options.signal, onProgress })));
        pagesBefore += pagesInChunk;
      }
      return instances;
    },

    describeKeyPairs(filter = {}, options = {}) {
      const base = {
        KeyPairName: filter.keyPairName,
        KeyPairNames: filter.keyPairNames,
        KeyPairIds: filter.keyPairIds,
        FingerPrint: filter.fingerPrint,
        ProjectName: filter.projectName,
        TagFilters: tagFilterParams(filter.tagFilters),
        MaxResults: pageSizes.keyPairs,
      };
      const fetchPage = async (nextToken: string | undefined) => {
        const { result } = await read('DescribeKeyPairs', toQueryParams({ ...base, NextToken: nextToken }), describeKeyPairsResultSchema, options);
        return { items: (result.KeyPairs ?? []).map(toKeyPair), nextToken: result.NextToken };
      };
      return prioritized(options.priority, () => collectAllPages('DescribeKeyPairs', fetchPage, options));
    },

    detachKeyPair(request, options = {}) {
      const { keyPairId, keyPairName } = request.keyPair;
      return changeInstances('DetachKeyPair', request.instanceIds, { KeyPairId: keyPairId, KeyPairName: keyPairName }, options);
    },

    attachKeyPair(request, options = {}) {
      const { keyPairId, keyPairName } = request.keyPair;
      return changeInstances('AttachKeyPair', request.instanceIds, { KeyPairId: keyPairId, KeyPairName: keyPairName }, options);
    },

    rebootInstances(request, options = {}) {
      return changeInstances('RebootInstances', request.instanceIds, { ForceStop: request.forceStop ?? false }, options);
    },
  };
}
