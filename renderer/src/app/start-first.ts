import { startApp } from './start-app';

/**
 * The window starts here, in the first module main.tsx imports: its stores hear main's events and main is asked for
 * the first screen's facts (app info, settings, profiles) before the rest of the bundle (React DOM, Arco, the
 * screens) is evaluated, so main answers while that runs instead of after. Nothing this imports renders.
 */
export const stopApp = startApp();
