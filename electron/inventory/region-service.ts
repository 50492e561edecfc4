import path from 'node:path';
import { z } from 'zod';
import { regionSchema } from '../../shared/domain/ecs';
import type { RegionList } from '../../shared/domain/inventory';
import type { ProfileService } from '../credentials/profile-service';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file';
import { cloudError, type ClientForProfile } from '../cloud/profile-clients';
import { isUnreachable } from '../volcengine/ecs-error';

const cacheSchema = z.object({
  byProfile: z.record(z.string(), z.object({ regions: z.array(regionSchema), fetchedAt: z.string() })),
});

export interface RegionService {
  list(profileId: string, refresh: boolean): Promise<RegionList>;
}

/**
 * The regions a profile can see, cached per profile in `regions-cache.json` so the region picker works offline: a
 * plain read answers from the cache when there is one; a refresh asks Volcengine and falls back to the cache when
 * the network fails (saying so).
 */
export interface RegionServiceOptions {
  userDataDir: string;
  profiles: Pick<ProfileService, 'get'>;
  clientFor: ClientForProfile;
  now: () => Date;
}

export function createRegionService(options: RegionServiceOptions): RegionService {
  const file = path.join(options.userDataDir, 'regions-cache.json');
  const readCache = async () => {
    const read = await readJsonFile(file, cacheSchema);
    return read.kind === 'ok' ? read.value : { byProfile: {} };
  };

  return {
    async list(profileId, refresh) {
      const cache = await readCache();
      const cached = cache.byProfile[profileId];
      if (!refresh && cached !== undefined) return { ...cached, fromCache: true };
      try {
        // DescribeRegions is signed for the profile's default region; it lists every region the key can use.
        const client = await options.clientFor(profileId, (await options.profiles.get(profileId)).region);
        try {
          const regions = await client.describeRegions();
          const entry = { regions, fetchedAt: options.now().toISOString() };
          await writeJsonFileAtomic(file, { byProfile: { ...cache.byProfile, [profileId]: entry } });
          return { ...entry, fromCache: false };
        } finally {
          await client.close();
        }
      } catch (error) {
        if (cached !== undefined && isUnreachable(error)) return { ...cached, fromCache: true };
        throw cloudError(error);
      }
    },
  };
}
