import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannelNames, wireName } from '../../shared/ipc/channel-names';
import { fail } from '../../shared/ipc/result';
import type { Logger } from '../logging/logger';
import type { SenderFacts } from '../security/sender-policy';
import type { IpcDispatcher } from './dispatcher';

/** Reads the sender facts off Electron's event; `senderFrame` is null once the frame has navigated away or died. */
function senderFactsOf(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url,
    isTopFrame: frame !== null && frame.parent === null && frame === event.sender.mainFrame,
  };
}

/**
 * The only place that touches `ipcMain` (lint forbids it elsewhere): one `handle` per contract channel, each behind
 * the sender check, each answered by the dispatcher.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatcher: IpcDispatcher,
  isTrustedSender: (facts: SenderFacts) => boolean,
  logger: Logger,
): void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(wireName(channel), (event, payload: unknown) => {
      if (!isTrustedSender(senderFactsOf(event))) {
        logger.warn('ipc message from an untrusted sender refused', { channel });
        return fail({ code: 'IPC_FORBIDDEN_SENDER', message: 'The sender of this request is not trusted.' });
      }
      return dispatcher.invoke(channel, payload);
    });
  }
}
