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
function refusal(simulatorOrigin: string): AppError {
  return new AppError('DEMO_SIMULATOR_ONLY', `The web demo talks only to its simulator at ${simulatorOrigin}.`, {
    issues: [{ path: 'endpoint', message: `must be ${simulatorOrigin}, the demo's simulator` }],
  });
}

/** Wraps the ECS client factory: a client for any endpoint but the simulator's (the default one included) is refused. */
export function simulatorOnlyClients(
  simulatorUrl: string,
  createClient: (dependencies: EcsClientDependencies) => EcsClient,
): (dependencies: EcsClientDependencies) => EcsClient {
  const simulatorOrigin = originOf(simulatorUrl);
  return (dependencies) => {
    const endpoint = dependencies.endpoint;
    if (endpoint === undefined || simulatorOrigin === undefined || originOf(endpoint) !== simulatorOrigin) throw refusal(simulatorOrigin ?? simulatorUrl);
    // Straight to the simulator on loopback: a proxy from the settings would be one more place the request goes.
    return createClient({ ...dependencies, proxy: { mode: 'direct' }, dispatcher: undefined, transport: undefined });
  };
}

/**
 * Wraps main's dispatcher: creating or editing a profile with any endpoint but the simulator's (or none, which means
 * Volcengine's) is refused, and so is importing credentials. Everything else, and the contract's validation of every
 * request, is the dispatcher's.
 */
export function simulatorOnlyDispatcher(inner: IpcDispatcher, simulatorUrl: string): IpcDispatcher {
  const simulatorOrigin = originOf(simulatorUrl) ?? simulatorUrl;
  const isSimulator = (endpoint: string | null | undefined) => typeof endpoint === 'string' && originOf(endpoint) === simulatorOrigin;
  const refused = () => fail(refusal(simulatorOrigin).toData());
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
