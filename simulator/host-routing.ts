import { bootstrapRegions, defaultEndpointFor, sharedEcsHost } from '../electron/volcengine/endpoints';

/**
 * Which regions each host name serves: the simulator is one server reached under several names (the request's
 * `Host` header says which), as Volcengine is several gateways. A host not named here serves every region, so by
 * default (no layout) every host serves every region and a profile pointed at `http://127.0.0.1:<port>` just works.
 */
export type HostRegions = Readonly<Record<string, readonly string[]>>;

/** Whether the host a request reached may answer for the region its signature names. */
export type HostRouting = (host: string | undefined, regionId: string) => 'served' | 'other-host';

/** `Host` headers compare without case; a listed name matches with or without the port the request carried. */
function normalized(host: string): string {
  return host.trim().toLowerCase();
}

function withoutPort(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

export function createHostRouting(layout: () => HostRegions | undefined): HostRouting {
  return (host, regionId) => {
    const current = layout();
    if (current === undefined || host === undefined) return 'served';
    const byHost = new Map(Object.entries(current).map(([name, regions]) => [normalized(name), regions]));
    const name = normalized(host);
    const regions = byHost.get(name) ?? byHost.get(withoutPort(name));
    return regions === undefined || regions.includes(regionId) ? 'served' : 'other-host';
  };
}

/**
 * Volcengine's own layout for `regionIds`, as the official SDKs address it (electron/volcengine/endpoints.ts): each
 * bootstrap region on `ecs.<region>.volcengineapi.com`, every other region on `open.volcengineapi.com`.
 */
export function officialHostLayout(regionIds: readonly string[]): HostRegions {
  const layout: Record<string, string[]> = { [sharedEcsHost]: [] };
  for (const regionId of regionIds) {
    const host = defaultEndpointFor(regionId);
    (layout[host] ??= []).push(regionId);
  }
  for (const regionId of bootstrapRegions) layout[defaultEndpointFor(regionId)] ??= [];
  return layout;
}
