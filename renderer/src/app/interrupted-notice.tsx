import { Alert, Button } from '@arco-design/web-react';
import { memo, useEffect } from 'react';
import { format } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useHistoryStore } from '../features/history/history-store';
import { interruptedCount } from '../features/history/history-rows';
import { useUiStore } from './ui-store';

/**
 * After a crash, the first thing to know: operations the app stopped in the middle of. Shown on every screen but
 * the history, where they are listed and can be resumed.
 */
export const InterruptedNotice = memo(function InterruptedNotice() {
  const t = useT();
  const refresh = useHistoryStore((state) => state.refresh);
  // A sweep counts once, however many of its parts were cut short.
  const interrupted = useHistoryStore((state) => interruptedCount(state.list));
  const setView = useUiStore((state) => state.setView);
  // A resumed sweep runs on the Sweep screen, not in History: the sweep store refreshes History when it ends.
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (interrupted === 0) return null;
  return (
    <Alert
      type="warning"
      banner
      data-testid="interrupted-notice"
      content={format(t('notice.interrupted'), { count: interrupted })}
      action={
        <Button size="small" type="primary" status="warning" onClick={() => setView('history')}>
          {t('notice.openHistory')}
        </Button>
      }
    />
  );
});
