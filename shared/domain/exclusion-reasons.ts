import { detachBlockers } from './detachability';

// The values of `exclusionReasonSchema` (operation.ts), apart from it so that the renderer can tell a reason from
// any other text without carrying zod.
export const exclusionReasons = [...detachBlockers, 'not-bound', 'not-in-inventory', 'not-running'] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

const reasons: ReadonlySet<string> = new Set(exclusionReasons);

export function isExclusionReason(value: string): value is ExclusionReason {
  return reasons.has(value);
}
