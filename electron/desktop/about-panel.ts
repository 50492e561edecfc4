import type { AboutPanelOptionsOptions } from 'electron';

export interface AboutFacts {
  productName: string;
  version: string;
  /** `process.versions.electron`, shown beside the app's version for bug reports. */
  electronVersion: string;
}

/** What Help › About (and the macOS app menu's About) shows: the app's name and version, on every OS. */
export function aboutPanelOptions(facts: AboutFacts): AboutPanelOptionsOptions {
  return {
    applicationName: facts.productName,
    applicationVersion: facts.version,
    version: `Electron ${facts.electronVersion}`,
    credits: 'Detaches SSH key pairs from Volcengine ECS instances. Your keys stay in the OS keychain.',
    copyright: `© ${facts.productName} maintainers`,
  };
}
