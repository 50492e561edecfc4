/**
 * Whether the app rebooted an instance after its key pair was detached, so the key no longer works there.
 * DescribeInstances reports no start time (see volcengine-ecs-spec.md), so the only evidence is the app's own
 * record: a reboot that succeeded for the instance and started after the detach's request for it was answered.
 * A reboot started before that answer may have run before the detach took effect, so it does not count; nor does
 * anything when the answer's time is not known. Reboots done outside the app cannot be seen here.
 *
 * The one place the rule lives: the rolling reboot (per-instance "came back RUNNING") will refine it.
 */
export function rebootedSince(detachAnsweredAt: string | null, rebootStarts: readonly string[]): boolean {
  if (detachAnsweredAt === null) return false;
  const answered = Date.parse(detachAnsweredAt);
  return rebootStarts.some((startedAt) => Date.parse(startedAt) > answered);
}
