import type { AttachBlocker } from './attachability';
import { detachBlockers } from './detachability';

// The values of `exclusionReasonSchema` (operation.ts), apart from it so that the renderer can tell a reason from
// any other text without carrying zod. `already-bound` is an attach's own blocker (the others it shares with a
// detach); `not-found`: an undo's fresh read no longer has the instance (it was released since the detach).
export const exclusionReasons = [...detachBlockers, 'already-bound', 'not-bound', 'not-in-inventory', 'not-running', 'not-found'] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

// Every reason an attach can give is one the schema knows.
true satisfies AttachBlocker extends ExclusionReason ? true : never;

const reasons: ReadonlySet<string> = new Set(exclusionReasons);

export function isExclusionReason(value: string): value is ExclusionReason {
  return reasons.has(value);
}
