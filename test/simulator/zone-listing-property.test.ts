import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { RegionDefinition } from '../../simulator/simulator-types';
import { directReadCaller, httpReadCaller } from './support/read-caller';
import type { ReadCaller } from './support/read-caller';
import { createSignedClient } from './support/signed-client';
import { testCredentials } from './support/test-fleet';
import { buildUnevenFleet, unevenFleetSpec } from './support/uneven-fleet';
import type { UnevenFleetSpec } from './support/uneven-fleet';

interface InstanceJson {
  readonly InstanceId: string;
  readonly ZoneId: string;
  readonly KeyPairName: string;
}
interface InstancesResult {
  readonly Instances: InstanceJson[];
  readonly NextToken: string;
  readonly TotalCount: number;
}
interface ZonesResult {
  readonly Zones: ReadonlyArray<{ readonly ZoneId: string }>;
}

interface Listing {
  readonly filter: Record<string, string>;
  readonly instances: InstanceJson[];
  readonly totals: number[];
  nextToken: string;
  done: boolean;
}

const maxResultsArbitrary = fc.integer({ min: 1, max: 100 });

function onlyRegion(spec: UnevenFleetSpec): RegionDefinition {
  const [region] = buildUnevenFleet(spec).regions;
  if (!region) throw new Error('the uneven fleet has no region');
  return region;
}

/**
 * Pages several DescribeInstances listings to the end side by side, one page of each in turn, as a client listing
 * a region zone by zone in parallel would: each listing's NextToken must stay valid whatever the others do.
 */
async function listSideBySide(
  call: ReadCaller,
  regionId: string,
  filters: ReadonlyArray<Record<string, string>>,
  maxResults: number,
  instanceCount: number,
): Promise<Listing[]> {
  const listings: Listing[] = filters.map((filter) => ({ filter, instances: [], totals: [], nextToken: '', done: false }));
  // Every page but the last holds at least one instance, so more pages than this means a NextToken loop.
  const maxPages = instanceCount + 1;
  for (let round = 0; listings.some((listing) => !listing.done); round += 1) {
    expect(round, 'pages of one listing').toBeLessThan(maxPages);
    for (const listing of listings.filter((candidate) => !candidate.done)) {
      const params = { ...listing.filter, MaxResults: String(maxResults), ...(listing.nextToken ? { NextToken: listing.nextToken } : {}) };
      const page = (await call('DescribeInstances', regionId, params)) as InstancesResult;
      expect(page.Instances.length).toBeLessThanOrEqual(maxResults);
      if (page.NextToken !== '') expect(page.Instances.length, 'a page before the last is full').toBe(maxResults);
      listing.instances.push(...page.Instances);
      listing.totals.push(page.TotalCount);
      listing.nextToken = page.NextToken;
      listing.done = page.NextToken === '';
    }
  }
  return listings;
}

/** Lists the region whole and zone by zone (zones from DescribeZones) and checks the two agree instance for instance. */
async function checkZonesCoverRegion(call: ReadCaller, spec: UnevenFleetSpec, maxResults: number): Promise<void> {
  const region = onlyRegion(spec);
  const zones = (await call('DescribeZones', region.regionId, {})) as ZonesResult;
  const zoneIds = zones.Zones.map((zone) => zone.ZoneId);
  expect(zoneIds).toEqual(region.zoneIds);

  const [whole, ...byZone] = await listSideBySide(
    call,
    region.regionId,
    [{}, ...zoneIds.map((zoneId) => ({ ZoneId: zoneId }))],
    maxResults,
    region.instances.length,
  );
  if (!whole) throw new Error('no unfiltered listing');
  expect(whole.instances.map((instance) => instance.InstanceId)).toEqual(region.instances.map((instance) => instance.instanceId));
  expect(new Set(whole.totals)).toEqual(new Set([region.instances.length]));

  const union = new Map<string, InstanceJson>();
  let totalOfZones = 0;
  byZone.forEach((listing, index) => {
    const zoneId = zoneIds[index];
    const total = listing.totals[0] ?? -1;
    expect(listing.totals.every((value) => value === total), `${zoneId}: one TotalCount on every page`).toBe(true);
    expect(listing.instances).toHaveLength(total);
    totalOfZones += total;
    for (const instance of listing.instances) {
      expect(instance.ZoneId).toBe(zoneId);
      expect(union.has(instance.InstanceId), `${instance.InstanceId} listed in two zones`).toBe(false);
      union.set(instance.InstanceId, instance);
    }
    // A zone's listing keeps the region's order: it is the whole listing with the other zones taken out.
    expect(listing.instances).toEqual(whole.instances.filter((instance) => instance.ZoneId === zoneId));
  });
  expect(totalOfZones).toBe(whole.totals[0]);
  expect([...union.keys()].sort()).toEqual(whole.instances.map((instance) => instance.InstanceId).sort());
  for (const instance of whole.instances) expect(union.get(instance.InstanceId)).toEqual(instance);
}

/** Lists by KeyPairName and checks the answer is exactly the instances bound to that name, TotalCount included. */
async function checkKeyPairListing(call: ReadCaller, spec: UnevenFleetSpec, keyPairName: string, maxResults: number): Promise<void> {
  const region = onlyRegion(spec);
  const bound = region.instances.filter((instance) => instance.keyPairName === keyPairName).map((instance) => instance.instanceId);
  const [listing] = await listSideBySide(call, region.regionId, [{ KeyPairName: keyPairName }], maxResults, region.instances.length);
  expect(listing?.instances.map((instance) => instance.InstanceId)).toEqual(bound);
  expect(listing?.instances.every((instance) => instance.KeyPairName === keyPairName)).toBe(true);
  expect(new Set(listing?.totals)).toEqual(new Set([bound.length]));
}

/** One of the region's key names (the non-ASCII one included), or a name no key pair has. */
function keyPairNameOf(spec: UnevenFleetSpec, pick: number): string {
  const names = onlyRegion(spec).keyPairs.map((keyPair) => keyPair.keyPairName);
  return names[pick % (names.length + 1)] ?? 'nobody-has-this-key';
}

describe('listing a region zone by zone', () => {
  it('gives exactly the unfiltered listing: every instance once, the same JSON, TotalCounts that add up', async () => {
    await fc.assert(
      fc.asyncProperty(unevenFleetSpec, maxResultsArbitrary, async (spec, maxResults) => {
        await checkZonesCoverRegion(directReadCaller(buildUnevenFleet(spec)), spec, maxResults);
      }),
      { numRuns: 60 },
    );
  });

  it('holds over HTTP with signed requests too', async () => {
    // Few runs, each with its own simulator; the largest region and the smallest pages are forced into the mix.
    const httpSpec = fc.tuple(unevenFleetSpec, fc.constantFrom(0, 1, 1000), fc.integer({ min: 5, max: 100 }));
    await fc.assert(
      fc.asyncProperty(httpSpec, async ([spec, size, maxResults]) => {
        const sized = { ...spec, size };
        const simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: buildUnevenFleet(sized) });
        try {
          const call = httpReadCaller(createSignedClient(simulator.port, { credentials: testCredentials }));
          await checkZonesCoverRegion(call, sized, maxResults);
        } finally {
          await simulator.close();
        }
      }),
      { numRuns: 3 },
    );
  });
});

describe('listing by KeyPairName', () => {
  it('answers exactly the instances bound to that key name, with a TotalCount that matches', async () => {
    await fc.assert(
      fc.asyncProperty(unevenFleetSpec, fc.nat(), maxResultsArbitrary, async (spec, pick, maxResults) => {
        await checkKeyPairListing(directReadCaller(buildUnevenFleet(spec)), spec, keyPairNameOf(spec, pick), maxResults);
      }),
      { numRuns: 60 },
    );
  });

  it('does so over HTTP for every key name of a region, the non-ASCII one included', async () => {
    const spec: UnevenFleetSpec = { seed: 21, regionId: 'cn-beijing', size: 1000, zoneWeights: [4, 0, 1], soloZones: [] };
    const region = onlyRegion(spec);
    const names = region.keyPairs.map((keyPair) => keyPair.keyPairName);
    expect(names).toContain('运维密钥-0');
    const simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: buildUnevenFleet(spec) });
    try {
      const call = httpReadCaller(createSignedClient(simulator.port, { credentials: testCredentials }));
      for (const name of [...names, 'nobody-has-this-key']) await checkKeyPairListing(call, spec, name, 37);
    } finally {
      await simulator.close();
    }
  });
});
