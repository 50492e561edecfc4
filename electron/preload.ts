import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './preload/create-api';

// The whole preload: expose the contract's methods, each a call to main, as `window.api`. The IPC event object
// never reaches the page (it carries the sender), only the payload.
contextBridge.exposeInMainWorld(
  'api',
  createApi({
    invoke: (wireChannel, request) => ipcRenderer.invoke(wireChannel, request),
    subscribe: (wireChannel, listener) => {
      const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(wireChannel, forward);
      return () => {
        ipcRenderer.removeListener(wireChannel, forward);
      };
    },
  }),
);
