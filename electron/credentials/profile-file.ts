import { z } from 'zod';
import { profileSummarySchema } from '../../shared/domain/profile';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file';

/** A profile as kept in `profiles.json`: the non-secret part only. The AccessKey ID itself is in the keychain. */
export const profileRecordSchema = profileSummarySchema.extend({ createdAt: z.string().max(40) });
export type ProfileRecord = z.infer<typeof profileRecordSchema>;

const profileFileSchema = z.strictObject({
  version: z.literal(1),
  profiles: z.array(profileRecordSchema).max(1000),
});

export interface ProfileFileRead {
  profiles: ProfileRecord[];
  /** Set when the file was unreadable and has been moved aside to this path (the list is then empty). */
  setAsideAt: string | null;
}

export async function readProfileFile(file: string): Promise<ProfileFileRead> {
  const read = await readJsonFile(file, profileFileSchema);
  if (read.kind === 'ok') return { profiles: read.value.profiles, setAsideAt: null };
  if (read.kind === 'corrupt') return { profiles: [], setAsideAt: read.keptAt };
  return { profiles: [], setAsideAt: null };
}

export async function writeProfileFile(file: string, profiles: readonly ProfileRecord[]): Promise<void> {
  await writeJsonFileAtomic(file, { version: 1, profiles });
}
