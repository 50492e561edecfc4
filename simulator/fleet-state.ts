import type {
  FleetDefinition,
  InstanceStatus,
  RegionDefinition,
  SimulatedInstance,
  SimulatedKeyPair,
} from './simulator-types';

export type InstancePatch = Partial<Omit<SimulatedInstance, 'instanceId'>>;

export interface RegionState {
  readonly regionId: string;
  readonly zoneIds: readonly string[];
  /** In the order DescribeInstances lists them; never reordered, so a NextToken offset stays meaningful. */
  readonly instances: ReadonlyArray<Readonly<SimulatedInstance>>;
  readonly keyPairs: ReadonlyArray<Readonly<SimulatedKeyPair>>;
  /** Bumped on every change in the region, so a cached count knows when it is stale. */
  readonly version: number;
}

/**
 * The live account behind the simulator. Readers get read-only views; every change goes through a method here so
 * that indexes and versions stay right.
 */
export interface FleetState {
  regionIds(): string[];
  region(regionId: string): RegionState | undefined;
  findInstance(regionId: string, instanceId: string): Readonly<SimulatedInstance> | undefined;
  /** Across all regions, for tests and tools that know only the ID. */
  locateInstance(instanceId: string): { regionId: string; instance: Readonly<SimulatedInstance> } | undefined;
  findKeyPairById(regionId: string, keyPairId: string): Readonly<SimulatedKeyPair> | undefined;
  findKeyPairByName(regionId: string, keyPairName: string): Readonly<SimulatedKeyPair> | undefined;
  /** Throws for an unknown instance: a test that patches a missing instance has a bug worth hearing about. */
  updateInstance(instanceId: string, patch: InstancePatch): Readonly<SimulatedInstance>;
  addInstance(regionId: string, instance: SimulatedInstance): void;
  /**
   * Releases an instance: it is gone from every answer, and requests naming it get InvalidInstance.NotFound.
   * Throws for an unknown instance, like updateInstance. A client paging through the region meanwhile may miss one
   * instance, as it may when the real service releases one mid-listing.
   */
  removeInstance(instanceId: string): void;
  addKeyPair(regionId: string, keyPair: SimulatedKeyPair): void;
  /**
   * Marks an instance REBOOTING until `completesAtMs` (see settleReboots), when it becomes `endStatus` (RUNNING
   * unless a test makes the reboot go wrong); Infinity keeps it REBOOTING.
   */
  startReboot(instanceId: string, completesAtMs: number, endStatus?: InstanceStatus): void;
  /** Brings instances whose reboot has finished to their end status; called before each request is served. */
  settleReboots(nowMs: number): void;
  instanceCount(): number;
}

interface MutableRegion {
  regionId: string;
  zoneIds: readonly string[];
  instances: SimulatedInstance[];
  keyPairs: SimulatedKeyPair[];
  version: number;
  instancesById: Map<string, SimulatedInstance>;
  keyPairsById: Map<string, SimulatedKeyPair>;
  keyPairsByName: Map<string, SimulatedKeyPair>;
}

function copyRegion(definition: RegionDefinition): MutableRegion {
  // Copies, so a fleet definition shared by several tests is never changed by one of them.
  const instances = definition.instances.map((instance) => ({ ...instance }));
  const keyPairs = definition.keyPairs.map((keyPair) => ({ ...keyPair }));
  return {
    regionId: definition.regionId,
    zoneIds: [...definition.zoneIds],
    instances,
    keyPairs,
    version: 0,
    instancesById: new Map(instances.map((instance) => [instance.instanceId, instance])),
    keyPairsById: new Map(keyPairs.map((keyPair) => [keyPair.keyPairId, keyPair])),
    keyPairsByName: new Map(keyPairs.map((keyPair) => [keyPair.keyPairName, keyPair])),
  };
}

export function createFleetState(definition: FleetDefinition): FleetState {
  const regions = new Map<string, MutableRegion>();
  const regionOfInstance = new Map<string, MutableRegion>();
  const rebootsInProgress = new Map<string, { completesAtMs: number; endStatus: InstanceStatus }>();

  for (const regionDefinition of definition.regions) {
    if (regions.has(regionDefinition.regionId)) throw new Error(`region ${regionDefinition.regionId} is defined twice`);
    const region = copyRegion(regionDefinition);
    regions.set(region.regionId, region);
    for (const instance of region.instances) {
      if (regionOfInstance.has(instance.instanceId)) throw new Error(`instance ${instance.instanceId} is defined twice`);
      regionOfInstance.set(instance.instanceId, region);
    }
  }

  const requireRegion = (regionId: string): MutableRegion => {
    const region = regions.get(regionId);
    if (!region) throw new Error(`unknown region ${regionId}`);
    return region;
  };

  const updateInstance = (instanceId: string, patch: InstancePatch): SimulatedInstance => {
    const region = regionOfInstance.get(instanceId);
    const instance = region?.instancesById.get(instanceId);
    if (!region || !instance) throw new Error(`unknown instance ${instanceId}`);
    Object.assign(instance, patch);
    region.version += 1;
    return instance;
  };

  return {
    regionIds: () => [...regions.keys()],
    region: (regionId) => regions.get(regionId),
    findInstance: (regionId, instanceId) => regions.get(regionId)?.instancesById.get(instanceId),
    locateInstance(instanceId) {
      const region = regionOfInstance.get(instanceId);
      const instance = region?.instancesById.get(instanceId);
      return region && instance ? { regionId: region.regionId, instance } : undefined;
    },
    findKeyPairById: (regionId, keyPairId) => regions.get(regionId)?.keyPairsById.get(keyPairId),
    findKeyPairByName: (regionId, keyPairName) => regions.get(regionId)?.keyPairsByName.get(keyPairName),
    updateInstance,
    addInstance(regionId, instance) {
      const region = requireRegion(regionId);
      if (regionOfInstance.has(instance.instanceId)) throw new Error(`instance ${instance.instanceId} already exists`);
      const copy = { ...instance };
      region.instances.push(copy);
      region.instancesById.set(copy.instanceId, copy);
      regionOfInstance.set(copy.instanceId, region);
      region.version += 1;
    },
    removeInstance(instanceId) {
      const region = regionOfInstance.get(instanceId);
      const instance = region?.instancesById.get(instanceId);
      if (!region || !instance) throw new Error(`unknown instance ${instanceId}`);
      region.instances.splice(region.instances.indexOf(instance), 1);
      region.instancesById.delete(instanceId);
      regionOfInstance.delete(instanceId);
      rebootsInProgress.delete(instanceId);
      region.version += 1;
    },
    addKeyPair(regionId, keyPair) {
      const region = requireRegion(regionId);
      if (region.keyPairsById.has(keyPair.keyPairId) || region.keyPairsByName.has(keyPair.keyPairName)) {
        throw new Error(`key pair ${keyPair.keyPairId} (${keyPair.keyPairName}) already exists in ${regionId}`);
      }
      const copy = { ...keyPair };
      region.keyPairs.push(copy);
      region.keyPairsById.set(copy.keyPairId, copy);
      region.keyPairsByName.set(copy.keyPairName, copy);
      region.version += 1;
    },
    startReboot(instanceId, completesAtMs, endStatus = 'RUNNING') {
      updateInstance(instanceId, { status: 'REBOOTING' });
      rebootsInProgress.set(instanceId, { completesAtMs, endStatus });
    },
    settleReboots(nowMs) {
      if (rebootsInProgress.size === 0) return;
      for (const [instanceId, { completesAtMs, endStatus }] of rebootsInProgress) {
        if (completesAtMs > nowMs) continue;
        rebootsInProgress.delete(instanceId);
        updateInstance(instanceId, { status: endStatus });
      }
    },
    instanceCount: () => regionOfInstance.size,
  };
}
