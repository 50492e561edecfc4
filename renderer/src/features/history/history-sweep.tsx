import { Alert, Button, Tag, Typography } from '@arco-design/web-react';
import { memo, useState } from 'react';
import { AppErrorAlert } from '../../common/app-error-alert';
import { regionDisplayName } from '../../../../shared/domain/known-regions';
import { RegionLabel } from '../../common/region-label';
import { format } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useHistoryT } from './history-messages';
import { useUiStore } from '../../app/ui-store';
import { useSweepStore } from '../sweep/sweep-store';
import { accountLabel } from '../sweep/sweep-facts';
import { sweepPartsByAccount, type SweepRow } from './history-rows';
import { useHistoryStore } from './history-store';
import './history.css';

/**
 * One sweep opened in History: its parts account by account, region by region, each opening its own record; an
 * interrupted sweep resumes here as one, and its progress and results then show on the Sweep screen.
 */
export const HistorySweep = memo(function HistorySweep(props: { row: SweepRow; openedPartId: string | null; onOpenPart: (operationId: string) => void }) {
  const t = useHistoryT();
  const locale = useLocale();
  const { row } = props;
  const resumeSweep = useSweepStore((state) => state.resume);
  const resumeError = useSweepStore((state) => (state.lastError?.during === 'resume' ? state.lastError.error : null));
  const clearError = useSweepStore((state) => state.clearError);
  const refresh = useHistoryStore((state) => state.refresh);
  const setView = useUiStore((state) => state.setView);
  const [resuming, setResuming] = useState(false);

  const resume = async () => {
    setResuming(true);
    const resumed = await resumeSweep(row.sweep.sweepOperationId);
    setResuming(false);
    if (!resumed) return;
    void refresh();
    setView('sweep');
  };

  return (
    <section className="history-sweep" aria-labelledby="history-sweep-title" data-testid="history-sweep">
      <Typography.Title heading={6} id="history-sweep-title">
        {format(t('history.sweep.title'), { name: row.sweep.keyPairName, accounts: row.accounts, regions: row.regions })}
      </Typography.Title>
      {row.sweep.state === 'interrupted' ? (
        <Alert
          type="warning"
          data-testid="history-sweep-interrupted"
          title={t('history.sweep.interruptedTitle')}
          content={t('history.sweep.interruptedBody')}
          action={
            <Button type="primary" status="warning" loading={resuming} onClick={() => void resume()} data-testid="history-sweep-resume">
              {t('history.resume')}
            </Button>
          }
        />
      ) : null}
      {resumeError === null ? null : <AppErrorAlert error={resumeError} onClose={clearError} />}
      {sweepPartsByAccount(row).map((account) => (
        <table key={account.profileId} className="history-sweep-parts" data-testid="history-sweep-account" data-profile={account.profileId}>
          <caption>{accountLabel(account)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.region')}</th>
              <th scope="col">{t('history.col.outcomes')}</th>
              <th scope="col">{t('history.col.state')}</th>
              <th scope="col">{t('history.col.open')}</th>
            </tr>
          </thead>
          <tbody>
            {account.parts.map((part) => (
              <tr key={part.operationId} data-region={part.regionId} className={part.operationId === props.openedPartId ? 'history-row-opened' : ''}>
                <th scope="row">
                  <RegionLabel regionId={part.regionId} locale={locale} />
                </th>
                {part.entry === null ? (
                  <td colSpan={3} className="muted" data-testid="history-sweep-not-started">
                    {t('history.sweep.notStarted')}
                  </td>
                ) : (
                  <>
                    <td>{format(t('history.outcomes'), part.entry.counts)}</td>
                    <td>
                      <Tag size="small">{t(`operation.progress.state.${part.entry.state}`)}</Tag>
                    </td>
                    <td>
                      <Button
                        size="mini"
                        type={part.operationId === props.openedPartId ? 'primary' : 'secondary'}
                        aria-label={format(t('history.sweep.openPart'), { region: regionDisplayName(part.regionId, locale), account: accountLabel(account) })}
                        onClick={() => props.onOpenPart(part.operationId)}
                      >
                        {t('history.open')}
                      </Button>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
});
