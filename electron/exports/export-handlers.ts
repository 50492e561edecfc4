import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PartialIpcHandlers } from '../ipc/handler-types';

/** Asks the user where to save (Electron's save dialog in the app); undefined when they cancel. */
export type ChooseSavePath = (suggestedName: string, extension: 'csv' | 'json') => Promise<string | undefined>;

/** Only a plain file name survives from the renderer's suggestion: no folders, no dot-files, no odd characters. */
export function safeFileName(name: string, extension: 'csv' | 'json'): string {
  const base = path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '');
  const stem = base.replace(/\.(csv|json)$/i, '') || 'keypair-desk-export';
  return `${stem}.${extension}`;
}

/**
 * Exports are written by main, never downloaded by the page (downloads are refused): the page hands over the
 * content, main asks the user where it goes and writes it there.
 */
export function createExportHandlers(chooseSavePath: ChooseSavePath): PartialIpcHandlers<'exports.save'> {
  return {
    'exports.save': async ({ fileName, content, mimeType }) => {
      const extension = mimeType === 'text/csv' ? 'csv' : 'json';
      const target = await chooseSavePath(safeFileName(fileName, extension), extension);
      if (target === undefined) return { saved: false, path: null };
      await writeFile(target, content, 'utf8');
      return { saved: true, path: target };
    },
  };
}
