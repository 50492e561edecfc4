import { create } from 'zustand';
import type { KeyPairDeskApi } from '../../../shared/ipc/api-types';
import { windowApi } from '../api/window-api';

interface ExportState {
  /** Hands an export to main, which asks where to save it; the saved path, or null when cancelled or failed. */
  save: (fileName: string, content: string, mimeType: string) => Promise<string | null>;
}

/** Saving a file: the page itself cannot write one, so main asks where and writes it. */
export function createExportStore(api: () => KeyPairDeskApi) {
  return create<ExportState>()(() => ({
    save: async (fileName, content, mimeType) => {
      const saved = await api().exports.save({
        fileName,
        content,
        mimeType: mimeType.startsWith('text/csv') ? 'text/csv' : 'application/json',
      });
      return saved.ok ? saved.value.path : null;
    },
  }));
}

export const useExportStore = createExportStore(windowApi);
