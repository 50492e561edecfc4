import { lazy } from 'react';
import { operationViewLoaders } from '../features/operation/on-demand-operation-views';

/*
 * Screens and drawers used less often than the workspace, each in its own chunk that loads when first shown, so
 * the first screen waits only for what it shows. `warmOnDemandScreens` fetches them once the first screen is up,
 * so a later click finds them already loaded.
 */

const loadProfilesPage = () => import('../features/profiles/profiles-page');
const loadSweepPage = () => import('../features/sweep/sweep-page');
const loadHistoryPage = () => import('../features/history/history-page');
const loadImportDrawer = () => import('../features/profiles/import-drawer');
const loadProfileFormDrawer = () => import('../features/profiles/profile-form-drawer');
const loadSettingsDrawer = () => import('../features/settings/settings-drawer');

export const ProfilesPage = lazy(() => loadProfilesPage().then((module) => ({ default: module.ProfilesPage })));
export const SweepPage = lazy(() => loadSweepPage().then((module) => ({ default: module.SweepPage })));
export const HistoryPage = lazy(() => loadHistoryPage().then((module) => ({ default: module.HistoryPage })));
export const ImportDrawer = lazy(() => loadImportDrawer().then((module) => ({ default: module.ImportDrawer })));
export const ProfileFormDrawer = lazy(() => loadProfileFormDrawer().then((module) => ({ default: module.ProfileFormDrawer })));
export const SettingsDrawer = lazy(() => loadSettingsDrawer().then((module) => ({ default: module.SettingsDrawer })));

const loaders = [loadProfilesPage, loadSweepPage, loadHistoryPage, loadImportDrawer, loadProfileFormDrawer, loadSettingsDrawer, ...operationViewLoaders];

/** Fetches every on-demand chunk while the app is idle; a failure here is retried by the screen's own load. */
export function warmOnDemandScreens(): void {
  const warm = () => {
    for (const load of loaders) void load().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 200);
}
