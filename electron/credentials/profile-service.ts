import { AppError, type AppErrorData } from '../../shared/errors/app-error';
import {
  accessKeyHint,
  type ProfileInput,
  type ProfileSummary,
  type ProfileUpdate,
} from '../../shared/domain/profile';
import type { Logger } from '../logging/logger';
import type { CredentialVault, ProfileCredentials } from './credential-vault';
import { readProfileFile, writeProfileFile, type ProfileRecord } from './profile-file';

export interface ProfileList {
  profiles: ProfileSummary[];
  /** A problem the user should know about (the profiles file was damaged and set aside), or null. */
  problem: AppErrorData | null;
}

export interface ProfileService {
  list(): Promise<ProfileList>;
  create(input: ProfileInput): Promise<ProfileSummary>;
  update(update: ProfileUpdate): Promise<ProfileSummary>;
  remove(id: string): Promise<void>;
  get(id: string): Promise<ProfileRecord>;
  credentials(id: string): Promise<ProfileCredentials>;
  markVerified(id: string, at: Date): Promise<ProfileSummary>;
  /** Resolves once every change asked for so far has been saved (or has failed). */
  flush(): Promise<void>;
}

export interface ProfileServiceOptions {
  file: string;
  vault: CredentialVault;
  logger: Logger;
  newId: () => string;
  now: () => Date;
}

function toSummary(record: ProfileRecord): ProfileSummary {
  const { createdAt: _createdAt, ...summary } = record;
  return summary;
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * The profiles: their non-secret part in `profiles.json`, their secrets in the keychain (through the vault).
 * Every change runs one at a time, and the keychain is written first, so a profile in the file always has its
 * secret (a failed keychain write leaves the file as it was).
 */
export function createProfileService(options: ProfileServiceOptions): ProfileService {
  let loaded: Promise<{ records: ProfileRecord[]; problem: AppErrorData | null }> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const state = () =>
    (loaded ??= readProfileFile(options.file).then(({ profiles, setAsideAt }) => {
      if (setAsideAt === null) return { records: profiles, problem: null };
      options.logger.warn('profiles file unreadable; kept aside', { keptAt: setAsideAt });
      return {
        records: profiles,
        problem: { code: 'PROFILES_FILE_SET_ASIDE' as const, message: `The damaged file was kept as ${setAsideAt}.` },
      };
    }));

  /** Runs a change after every earlier one, and saves the list it returns. */
  const change = <T>(apply: (records: ProfileRecord[]) => Promise<{ records: ProfileRecord[]; result: T }>) => {
    const next = queue.then(async () => {
      const current = await state();
      const { records, result } = await apply(current.records);
      await writeProfileFile(options.file, records);
      current.records = records;
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const find = (records: ProfileRecord[], id: string): ProfileRecord => {
    const record = records.find((candidate) => candidate.id === id);
    if (record === undefined) throw new AppError('PROFILE_NOT_FOUND', `No profile with id ${id}.`);
    return record;
  };

  const assertNameFree = (records: ProfileRecord[], name: string, exceptId?: string) => {
    if (records.some((record) => record.id !== exceptId && sameName(record.name, name))) {
      throw new AppError('PROFILE_NAME_TAKEN', 'A profile with this name already exists.');
    }
  };

  return {
    async list() {
      const { records, problem } = await state();
      return { profiles: records.map(toSummary), problem };
    },

    create(input) {
      return change(async (records) => {
        assertNameFree(records, input.name);
        const id = options.newId();
        const credentials: ProfileCredentials = { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey };
        if (input.sessionToken !== undefined) credentials.sessionToken = input.sessionToken;
        await options.vault.save(id, credentials);
        const record: ProfileRecord = {
          id,
          name: input.name,
          accessKeyHint: accessKeyHint(input.accessKeyId),
          region: input.region,
          endpoint: input.endpoint ?? null,
          accountId: input.accountId ?? null,
          hasSessionToken: input.sessionToken !== undefined,
          lastVerifiedAt: null,
          createdAt: options.now().toISOString(),
        };
        return { records: [...records, record], result: toSummary(record) };
      });
    },

    update(update) {
      return change(async (records) => {
        const record = find(records, update.id);
        if (update.name !== undefined) assertNameFree(records, update.name, update.id);
        const secretsChange =
          update.accessKeyId !== undefined || update.secretAccessKey !== undefined || update.sessionToken !== undefined;
        let next: ProfileRecord = {
          ...record,
          name: update.name ?? record.name,
          region: update.region ?? record.region,
          endpoint: update.endpoint === undefined ? record.endpoint : update.endpoint,
          accountId: update.accountId === undefined ? (record.accountId ?? null) : update.accountId,
        };
        if (secretsChange) {
          const current = await options.vault.read(update.id);
          const credentials: ProfileCredentials = {
            accessKeyId: update.accessKeyId ?? current.accessKeyId,
            secretAccessKey: update.secretAccessKey ?? current.secretAccessKey,
          };
          const token = update.sessionToken === undefined ? current.sessionToken : (update.sessionToken ?? undefined);
          if (token !== undefined) credentials.sessionToken = token;
          await options.vault.save(update.id, credentials);
          // New secrets have not been shown to work yet.
          next = { ...next, accessKeyHint: accessKeyHint(credentials.accessKeyId), hasSessionToken: token !== undefined, lastVerifiedAt: null };
        }
        return { records: records.map((candidate) => (candidate.id === update.id ? next : candidate)), result: toSummary(next) };
      });
    },

    remove(id) {
      return change(async (records) => {
        find(records, id);
        // Keychain first: if it is locked, the profile stays listed rather than leaving an orphaned secret behind.
        await options.vault.remove(id);
        return { records: records.filter((record) => record.id !== id), result: undefined };
      });
    },

    async get(id) {
      return find((await state()).records, id);
    },

    async credentials(id) {
      find((await state()).records, id);
      return options.vault.read(id);
    },

    markVerified(id, at) {
      return change(async (records) => {
        const next = { ...find(records, id), lastVerifiedAt: at.toISOString() };
        return { records: records.map((record) => (record.id === id ? next : record)), result: toSummary(next) };
      });
    },

    flush: () => queue.then(() => undefined),
  };
}
