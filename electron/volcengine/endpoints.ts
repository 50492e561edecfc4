/**
 * Which host the official SDKs send a region's ECS calls to (spec: "Transport"; Node `@volcengine/sdk-core`
 * `getDefaultEndpointByServiceInfo`, Python `default_provider.py`, the Go resolver). The "bootstrap" regions have
 * a regional host of their own for a regional service such as ECS; every other region goes through the shared
 * `open.volcengineapi.com` gateway. One list, so the app and the simulator's test layouts cannot disagree.
 */
export const bootstrapRegions: readonly string[] = [
  'cn-beijing-autodriving',
  'ap-southeast-2',
  'ap-southeast-3',
  'cn-shanghai-autodriving',
  'cn-beijing-selfdrive',
];

/** The shared gateway every region outside `bootstrapRegions` uses. */
export const sharedEcsHost = 'open.volcengineapi.com';

const endpointSuffix = 'volcengineapi.com';

/** The host name (no scheme, no path) the official SDKs use for ECS in `regionId`. */
export function defaultEndpointFor(regionId: string): string {
  return bootstrapRegions.includes(regionId) ? `ecs.${regionId}.${endpointSuffix}` : sharedEcsHost;
}
