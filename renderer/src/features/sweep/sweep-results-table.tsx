import { Button } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import { regionDisplayName } from '../../../../shared/domain/known-regions';
import { format } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useSweepT } from './sweep-messages';
import { useExposureStore, type ExposureView } from '../exposure/exposure-store';
import { groupByAccount, partKey, type SweepRun } from './sweep-facts';
import './sweep.css';

const counted = ['succeeded', 'failed', 'notSent', 'unknown'] as const;

/** Every part's counts, account by account with a total line each, and the button that shows a part's full results. */
export const SweepResultsTable = memo(function SweepResultsTable(props: { runs: readonly SweepRun[]; shownKey: string | undefined; onShow: (key: string) => void }) {
  const t = useSweepT();
  const locale = useLocale();
  const accounts = useMemo(() => groupByAccount(props.runs), [props.runs]);
  const exposure = useExposureStore((state) => state.views);
  const exposedIn = (view: ExposureView | undefined) => {
    if (view?.report == null) return view?.checking === true ? '…' : '—';
    const { report } = view;
    return report.problems.length > 0 ? format(t('exposure.atLeastCount'), { count: report.total }) : String(report.total);
  };
  // An account's total once every region of it is checked; "at least" when any region's check was partial.
  const exposedInAll = (runs: readonly SweepRun[]) => {
    const views = runs.map((run) => exposure[run.operationId]);
    if (views.some((view) => view?.report == null)) return views.some((view) => view?.checking === true) ? '…' : '—';
    const reports = views.map((view) => view!.report!);
    const total = reports.reduce((sum, report) => sum + report.total, 0);
    return reports.some((report) => report.problems.length > 0) ? format(t('exposure.atLeastCount'), { count: total }) : String(total);
  };
  return (
    <table className="sweep-plan-regions" data-testid="sweep-results-regions">
      <caption className="visually-hidden">{t('sweep.results.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workspace.region')}</th>
          <th scope="col">{t('operation.outcome.succeeded')}</th>
          <th scope="col">{t('operation.outcome.failed')}</th>
          <th scope="col">{t('operation.outcome.not-sent')}</th>
          <th scope="col">{t('operation.outcome.unknown')}</th>
          <th scope="col">{t('exposure.col.region')}</th>
          <th scope="col">{t('sweep.col.details')}</th>
        </tr>
      </thead>
      {accounts.map(({ profileId, items }) => {
        const first = items[0]!;
        const name = first.profileName === '' ? profileId : first.profileName;
        return (
          <tbody key={profileId} data-profile={name}>
            <tr className="sweep-group-row">
              <th scope="colgroup" colSpan={7}>
                {name} {first.accountId === null ? null : <code>{first.accountId}</code>}
              </th>
            </tr>
            {items.map((run) => {
              const key = partKey(run.profileId, run.regionId);
              return (
                <tr key={run.regionId} data-region={run.regionId} className={key === props.shownKey ? 'sweep-row-shown' : undefined}>
                  <td>{regionDisplayName(run.regionId, locale)}</td>
                  {counted.map((field) => (
                    <td key={field}>{run.progress[field]}</td>
                  ))}
                  <td data-testid="sweep-region-exposure">{exposedIn(exposure[run.operationId])}</td>
                  <td>
                    <Button
                      size="mini"
                      type={key === props.shownKey ? 'primary' : 'secondary'}
                      aria-pressed={key === props.shownKey}
                      aria-label={format(t('sweep.results.showPart'), { region: regionDisplayName(run.regionId, locale), account: name })}
                      onClick={() => props.onShow(key)}
                    >
                      {t('sweep.results.show')}
                    </Button>
                  </td>
                </tr>
              );
            })}
            <tr className="sweep-total-row" data-testid="sweep-results-account-total">
              <th scope="row">{format(t('sweep.plan.accountTotal'), { account: name })}</th>
              {counted.map((field) => (
                <td key={field}>{items.reduce((sum, run) => sum + run.progress[field], 0)}</td>
              ))}
              <td data-testid="sweep-account-exposure">{exposedInAll(items)}</td>
              <td />
            </tr>
          </tbody>
        );
      })}
    </table>
  );
});
