import { defaultRetryPolicyOptions } from '../../../../electron/volcengine/retry-policy';

/** The knobs of the matrix; the test and `npm run reliability` use the same ones. */
export interface MatrixSettings {
  /** The client's request timeout. The settings screen allows 5 s at least; the matrix sets the client's directly, long
   * enough that a loaded CI machine answers a healthy request in time, so attempt counts stay exact. */
  requestTimeoutMs: number;
  /** How long the timeout fault holds an answer: several timeouts, so the client always gives up first. */
  slowReplyMs: number;
  /** Retry waits are recorded as asked and slept at most this long, so a 1 s Retry-After costs no real second. */
  realSleepCapMs: number;
  /** The retry policy's attempts (the app's default), which the "until the last attempt" batch is sized to. */
  maxAttempts: number;
  /** Instances of a change cell: several batches of at most 100. */
  operationInstances: number;
  /** Instances in each of the two regions of an inventory cell: several pages of 100. */
  inventoryInstancesPerRegion: number;
  /** Instances of the region of a zone-parallel listing cell, over four uneven zones. */
  zoneListingInstances: number;
  /** Instances bound to the key pair of a key-scoped listing cell: several pages of 100. */
  keyListingInstances: number;
}

export const matrixSettings: MatrixSettings = {
  requestTimeoutMs: 1_500,
  slowReplyMs: 6_000,
  realSleepCapMs: 20,
  maxAttempts: defaultRetryPolicyOptions.maxAttempts,
  operationInstances: 350,
  inventoryInstancesPerRegion: 250,
  zoneListingInstances: 400,
  keyListingInstances: 250,
};
