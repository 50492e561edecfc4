import { Message } from '@arco-design/web-react';
import { useCallback } from 'react';
import { format } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useExportStore } from './export-store';

/** Saves a file's content under a proposed name; the main process asks where and writes it. */
export type ExportHandler = (fileName: string, content: string, mimeType: string) => void;

/** The one way a screen exports: main saves the file, and a message says where (nothing when cancelled). */
export function useSaveExport(): ExportHandler {
  const t = useT();
  const save = useExportStore((state) => state.save);
  return useCallback(
    (fileName, content, mimeType) => {
      void save(fileName, content, mimeType).then((path) => {
        if (path !== null) Message.success(format(t('workspace.exported'), { path }));
      });
    },
    [save, t],
  );
}
