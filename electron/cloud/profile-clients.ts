import type { ProxySettingValue, Settings } from '../../shared/domain/settings';
import { AppError, type AppErrorData } from '../../shared/errors/app-error';
import type { ProfileService } from '../credentials/profile-service';
import type { EcsClient, EcsClientDependencies } from '../volcengine/ecs-client';
import { isEcsError } from '../volcengine/ecs-error';
import type { ProxySetting } from '../volcengine/proxy-dispatcher';
import type { RequestPacer } from '../volcengine/request-pacer';

export interface ProfileClientOptions {
  profiles: ProfileService;
  createClient: (dependencies: EcsClientDependencies) => EcsClient;
  /** Where HTTPS_PROXY / NO_PROXY are read from. */
  env: Readonly<Record<string, string | undefined>>;
  /** The user's proxy, timeout and concurrency choices, read for each new client. */
  settings: () => Promise<Settings>;
  /** The read pace of a profile, shared by all its clients (see profile-pacers.ts); reads are unpaced without it. */
  readPacerFor?: ((profileId: string) => RequestPacer) | undefined;
  /**
   * The change pace of a profile, shared by all its clients (see profile-pacers.ts): without it each client paces
   * its own, and operations in several regions of one account (a sweep's parts) would add their rates up.
   */
  changePacerFor?: ((profileId: string) => RequestPacer) | undefined;
}

function proxySettingFor(setting: ProxySettingValue, env: Readonly<Record<string, string | undefined>>): ProxySetting {
  if (setting.mode === 'custom') return { mode: 'explicit', url: setting.url };
  if (setting.mode === 'direct') return { mode: 'direct' };
  return { mode: 'environment', variables: env };
}

export type ClientForProfile = (
  profileId: string,
  regionId: string,
  extra?: Pick<EcsClientDependencies, 'newClientToken' | 'options'>,
) => Promise<EcsClient>;

/**
 * An ECS client signed with a profile's keys, for one region. The keys are read through the vault before every
 * request (from memory for a few minutes, else the keychain), so "lock secrets" takes effect at the next request.
 */
export function createClientForProfile(options: ProfileClientOptions): ClientForProfile {
  return async (profileId, regionId, extra) => {
    const profile = await options.profiles.get(profileId);
    // Read once up front, so a locked keychain is reported as such before anything is sent.
    await options.profiles.credentials(profileId);
    const settings = await options.settings();
    return options.createClient({
      endpoint: profile.endpoint ?? undefined,
      region: regionId,
      credentials: () => options.profiles.credentials(profileId),
      proxy: proxySettingFor(settings.proxy, options.env),
      newClientToken: extra?.newClientToken,
      readPacer: options.readPacerFor?.(profileId),
      // A caller's own change rate (a benchmark's baseline) is its own client's; else the account's shared pace.
      changePacer: extra?.options?.changeRequestsPerSecond === undefined ? options.changePacerFor?.(profileId) : undefined,
      options: {
        requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
        batchConcurrency: settings.requestConcurrency,
        changeRequestsPerSecond: settings.changeRequestsPerSecond,
        ...extra?.options,
      },
    });
  };
}

/** A failed cloud call as an AppError the renderer can explain: the ECS error rides along as `cloud`. */
export function cloudError(error: unknown): unknown {
  if (!isEcsError(error)) return error;
  return new AppError('CLOUD_REQUEST_FAILED', `${error.action ?? 'The request'} failed: ${error.code}`, { cloud: error.toData() });
}

/**
 * A failure as data for an answer that goes on despite it (one region of a sweep, one zone of a listing); an
 * unexpected exception's text is not repeated (it could quote anything), `what` says what failed instead.
 */
export function cloudErrorData(error: unknown, what: string): AppErrorData {
  const appError = cloudError(error);
  return appError instanceof AppError ? appError.toData() : { code: 'INTERNAL', message: `${what} failed unexpectedly.` };
}

/** Whether a listing stopped because it was cancelled (not because something failed). */
export function isCancellation(error: unknown): boolean {
  return isEcsError(error) && error.code === 'ECS_CANCELLED';
}
