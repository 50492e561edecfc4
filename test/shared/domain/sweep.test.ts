import { describe, expect, it } from 'vitest';
import { sweepRequestSchema } from '../../../shared/domain/sweep';
import { maxSweptProfiles } from '../../../shared/domain/sweep-limits';

const profileIds = (count: number) => Array.from({ length: count }, (_, index) => `profile-${String(index).padStart(4, '0')}`);
const request = (ids: string[]) => ({ profileIds: ids, keyPairName: 'leaked-key', jobId: 'job-00000001' });

describe('sweep request', () => {
  it('takes every account an admin keeps a profile for, up to the limit', () => {
    expect(sweepRequestSchema.safeParse(request(profileIds(maxSweptProfiles))).success).toBe(true);
  });

  it('refuses more accounts than the limit, none, or one account twice', () => {
    expect(sweepRequestSchema.safeParse(request(profileIds(maxSweptProfiles + 1))).success).toBe(false);
    expect(sweepRequestSchema.safeParse(request([])).success).toBe(false);
    expect(sweepRequestSchema.safeParse(request(['profile-0001', 'profile-0001'])).success).toBe(false);
  });
});
