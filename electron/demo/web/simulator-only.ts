import { AppError } from '../../../shared/errors/app-error';
import { invokeContract } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/result';
import type { IpcDispatcher } from '../../ipc/dispatcher';
import { originOf } from '../../security/origin-of';
import type { EcsClient, EcsClientDependencies } from '../../volcengine/ecs-client';

/**
 * The web demo serves the app to a browser, so it must never sign a request for anything but its own simulator:
 * no real keys exist in it, and none may be typed in and sent to a real endpoint. Two independent locks, each
 * enough on its own: profiles cannot be given another endpoint, and no ECS client can be built for one.
 */
function refusal(simulatorOrigins: readonly string[]): AppError {
  const origins = simulatorOrigins.join(', ');
  return new AppError('DEMO_SIMULATOR_ONLY', `The web demo talks only to its simulators at ${origins}.`, {
    issues: [{ path: 'endpoint', message: `must be one of ${origins}, the demo's simulators` }],
  });
}

/** The origins of the demo's simulators (one per account); a URL that has none is kept as given, and matches nothing. */
const originsOf = (simulatorUrls: readonly string[]) => simulatorUrls.map((url) => originOf(url) ?? url);

/** Wraps the ECS client factory: a client for any endpoint but the simulators' (the default one included) is refused. */
export function simulatorOnlyClients(
  simulatorUrls: readonly string[],
  createClient: (dependencies: EcsClientDependencies) => EcsClient,
): (dependencies: EcsClientDependencies) => EcsClient {
  const simulatorOrigins = originsOf(simulatorUrls);
  return (dependencies) => {
    const endpoint = dependencies.endpoint;
    const origin = endpoint === undefined ? undefined : originOf(endpoint);
    if (origin === undefined || !simulatorOrigins.includes(origin)) throw refusal(simulatorOrigins);
    // Straight to the simulator on loopback: a proxy from the settings would be one more place the request goes.
    return createClient({ ...dependencies, proxy: { mode: 'direct' }, dispatcher: undefined, transport: undefined });
  };
}

/**
 * Wraps main's dispatcher: creating or editing a profile with any endpoint but the simulator's (or none, which means
 * Volcengine's) is refused, and so is importing credentials. Everything else, and the contract's validation of every
 * request, is the dispatcher's.
 */
export function simulatorOnlyDispatcher(inner: IpcDispatcher, simulatorUrls: readonly string[]): IpcDispatcher {
  const simulatorOrigins = originsOf(simulatorUrls);
  const isSimulator = (endpoint: string | null | undefined) => {
    const origin = typeof endpoint === 'string' ? originOf(endpoint) : undefined;
    return origin !== undefined && simulatorOrigins.includes(origin);
  };
  const refused = () => fail(refusal(simulatorOrigins).toData());
  return {
    async invoke(channel, payload) {
      if (channel === 'profiles.importSelected') return refused();
      if (channel === 'profiles.create') {
        const request = invokeContract['profiles.create'].request.safeParse(payload);
        if (request.success && !isSimulator(request.data.endpoint)) return refused();
      }
      if (channel === 'profiles.update') {
        const request = invokeContract['profiles.update'].request.safeParse(payload);
        if (request.success && request.data.endpoint !== undefined && !isSimulator(request.data.endpoint)) return refused();
      }
      return inner.invoke(channel, payload);
    },
  };
}
