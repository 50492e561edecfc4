// Apart from the schemas in rolling-reboot.ts, so that the renderer can use it without carrying zod.

/** How many bad instances a wave of `size` may have before the rolling reboot stops (see the top of this file). */
export function allowedBadInstances(size: number, failurePercent: number): number {
  return Math.floor((size * failurePercent) / 100);
}
