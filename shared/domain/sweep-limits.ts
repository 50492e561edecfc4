/**
 * How much one sweep takes on, kept apart from the sweep's schemas so the renderer's form can say a limit before
 * main refuses it, without bringing zod into the renderer (see test/architecture.test.ts).
 */

/** At most this many regions of one account are searched at the same time, so a sweep stays polite to its flow limits. */
export const regionsSearchedAtOnce = 4;
/** Accounts are searched side by side, this many at once; each keeps to its own read pace (its own flow limits). */
export const accountsSearchedAtOnce = 4;
/** Enough for every region Volcengine has, with room to grow. */
export const maxSweptRegions = 200;
/** Enough for every account an admin keeps a profile for. */
export const maxSweptProfiles = 50;
/** One part per account and region. */
export const maxSweepParts = maxSweptProfiles * maxSweptRegions;
