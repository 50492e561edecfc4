import { z } from 'zod';

export const rectangleSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rectangle = z.infer<typeof rectangleSchema>;

/** Where the window goes: saved bounds when they are still usable, otherwise Electron's default (centred). */
export interface WindowPlacement {
  bounds?: Rectangle;
  maximized: boolean;
}

export const defaultWindowSize = { width: 1280, height: 800 };
export const minimumWindowSize = { width: 960, height: 600 };

/** How much of the window must be on a display, measured on its top edge, for the user to grab it and move it. */
const grabbableWidth = 120;
const titleBarHeight = 40;

function overlap(start: number, length: number, areaStart: number, areaLength: number): number {
  return Math.min(start + length, areaStart + areaLength) - Math.max(start, areaStart);
}

/**
 * The saved bounds, if the window would still be reachable: its title bar must lie on a display that is connected
 * now (a monitor may have been unplugged, or its resolution changed, since the app last ran). A window larger than
 * that display is shrunk to fit it. Undefined when no display shows the title bar: the app then opens at the
 * default size, centred, rather than off screen.
 */
export function visibleBounds(saved: Rectangle, workAreas: readonly Rectangle[]): Rectangle | undefined {
  const area = workAreas.find(
    (candidate) =>
      overlap(saved.x, saved.width, candidate.x, candidate.width) >= Math.min(grabbableWidth, saved.width) &&
      saved.y >= candidate.y &&
      saved.y + titleBarHeight <= candidate.y + candidate.height,
  );
  if (area === undefined) return undefined;
  return {
    x: saved.x,
    y: saved.y,
    width: Math.max(minimumWindowSize.width, Math.min(saved.width, area.width)),
    height: Math.max(minimumWindowSize.height, Math.min(saved.height, area.height)),
  };
}
