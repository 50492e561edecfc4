// The buckets of `exposureBucketSchema` (exposure.ts, which says what each means), apart from it so that the
// renderer can list them without carrying zod.
export const exposureBuckets = ['failed', 'notSent', 'leftOut', 'notYetRebooted'] as const;
