import { originOf } from './origin-of';

/** What main knows about who sent an IPC message. */
export interface SenderFacts {
  webContentsId: number;
  /** The URL of the frame that sent it; undefined when that frame is already gone. */
  frameUrl: string | undefined;
  /** True only for the top-level frame of its page, never an iframe. */
  isTopFrame: boolean;
}

export interface SenderPolicyOptions {
  /** The origin the app's UI is served from, e.g. `app://keypair-desk`. */
  appOrigin: string;
  /** The webContents of the app's own windows, read at each message (windows come and go). */
  trustedWebContentsIds: () => ReadonlySet<number>;
}

/**
 * Electron's checklist item 17: validate the sender of every IPC message. A message is trusted only when it comes
 * from the top frame of one of the app's own windows, showing a page of the app's own origin.
 */
export function createSenderPolicy(options: SenderPolicyOptions): (facts: SenderFacts) => boolean {
  return (facts) =>
    facts.isTopFrame &&
    facts.frameUrl !== undefined &&
    originOf(facts.frameUrl) === options.appOrigin &&
    options.trustedWebContentsIds().has(facts.webContentsId);
}
