import { Alert, Tag, Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { OperationResult } from '../../../../shared/domain/operation';
import { allowedBadInstances } from '../../../../shared/domain/reboot-threshold';
import type { InstanceReturn, ReturnState, WaveState } from '../../../../shared/domain/rolling-reboot';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { statusLabel } from '../instances/instance-labels';
import { countReturns, troubledReturns } from './rolling-facts';
import './rolling-reboot.css';
import './outcome-table.css';

/** Enough rows to act on; the export has them all. */
const shownProblems = 500;

const waveColors: Partial<Record<WaveState, string>> = { passed: 'green', stopped: 'red', cancelled: 'orange', interrupted: 'orange', waiting: 'arcoblue', sending: 'arcoblue' };
const returnColors: Partial<Record<ReturnState, string>> = { back: 'green', 'not-back': 'red', failed: 'red', unconfirmed: 'orange' };

function ProblemRow(props: { entry: InstanceReturn }) {
  const t = useT();
  const { entry } = props;
  return (
    <tr data-testid="rolling-problem" data-state={entry.state}>
      <th scope="row" className="operation-cell-mono">
        {entry.instanceId}
      </th>
      <td>{format(t('rolling.wave.name'), { index: entry.waveIndex + 1 })}</td>
      <td>
        <Tag size="small" color={returnColors[entry.state]}>
          {t(`rolling.return.${entry.state}`)}
        </Tag>
      </td>
      <td>{entry.lastStatus === null ? (entry.state === 'failed' ? '' : t('rolling.status.none')) : statusLabel(t, entry.lastStatus)}</td>
    </tr>
  );
}

/**
 * After a rolling reboot: whether each instance came back, wave by wave, and why it stopped when it stopped early.
 * The instances that did not come back are listed by name, with the status they were last seen in.
 */
export const RollingResults = memo(function RollingResults(props: { result: OperationResult }) {
  const t = useT();
  const { rolling, plan } = props.result;
  const counts = useMemo(() => (rolling === undefined ? null : countReturns(rolling.returns)), [rolling]);
  const problems = useMemo(() => (rolling === undefined ? [] : troubledReturns(rolling.returns)), [rolling]);
  if (rolling === undefined || plan.rolling === undefined || counts === null) return null;
  const stopped = rolling.stoppedAtWave === null ? undefined : rolling.waves[rolling.stoppedAtWave];
  const zoneOf = new Map(plan.rolling.waves.map((wave) => [wave.index, wave.zoneId]));
  const byZone = plan.rolling.mode === 'zone';

  return (
    <section className="rolling-results" aria-labelledby="rolling-results-title" data-testid="rolling-results">
      <Typography.Title heading={6} id="rolling-results-title">
        {t('rolling.results.title')}
      </Typography.Title>
      {stopped === undefined ? null : (
        <Alert
          type="warning"
          data-testid="rolling-stopped"
          title={t('rolling.results.stoppedTitle')}
          content={format(t('rolling.results.stopped'), {
            wave: stopped.index + 1,
            count: rolling.waves.length,
            bad: stopped.bad,
            size: stopped.total,
            percent: plan.rolling.failurePercent,
            allowed: allowedBadInstances(stopped.total, plan.rolling.failurePercent),
            notSent: counts['not-sent'],
          })}
        />
      )}
      <Typography.Text data-testid="rolling-summary">
        {format(t('rolling.results.summary'), { back: counts.back, total: rolling.returns.length, notBack: counts['not-back'] + counts.unconfirmed, failed: counts.failed, notSent: counts['not-sent'] })}
      </Typography.Text>
      <div className="rolling-table-scroll" tabIndex={0} role="region" aria-label={t('rolling.review.tableLabel')}>
        <table className="rolling-table" data-testid="rolling-waves">
          <thead>
            <tr>
              <th scope="col">{t('rolling.col.wave')}</th>
              {byZone ? <th scope="col">{t('rolling.col.zone')}</th> : null}
              <th scope="col">{t('rolling.col.state')}</th>
              <th scope="col">{t('rolling.col.back')}</th>
              <th scope="col">{t('rolling.col.bad')}</th>
            </tr>
          </thead>
          <tbody>
            {rolling.waves.map((wave) => (
              <tr key={wave.index} data-testid="rolling-wave" data-state={wave.state}>
                <th scope="row">{format(t('rolling.wave.name'), { index: wave.index + 1 })}</th>
                {byZone ? <td className="operation-cell-mono">{zoneOf.get(wave.index)}</td> : null}
                <td>
                  <Tag size="small" color={waveColors[wave.state]}>
                    {t(`rolling.state.${wave.state}`)}
                  </Tag>
                </td>
                {wave.state === 'not-sent' || wave.state === 'pending' ? (
                  <>
                    <td>– / {wave.total}</td>
                    <td>–</td>
                  </>
                ) : (
                  <>
                    <td>
                      {wave.back} / {wave.total}
                    </td>
                    <td>{wave.bad}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length === 0 ? (
        counts.back > 0 ? <Typography.Text type="success">{t('rolling.results.allBack')}</Typography.Text> : null
      ) : (
        <>
        <Typography.Text bold>{t('rolling.results.problemsLabel')}</Typography.Text>
        <div className="rolling-table-scroll" tabIndex={0} role="region" aria-label={t('rolling.results.problemsLabel')}>
          <table className="rolling-table" data-testid="rolling-problems">
            <thead>
              <tr>
                <th scope="col">{t('rolling.col.instance')}</th>
                <th scope="col">{t('rolling.col.wave')}</th>
                <th scope="col">{t('rolling.col.state')}</th>
                <th scope="col">{t('rolling.col.lastStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.slice(0, shownProblems).map((entry) => (
                <ProblemRow key={entry.instanceId} entry={entry} />
              ))}
            </tbody>
          </table>
          {problems.length > shownProblems ? <p className="muted">{format(t('rolling.results.more'), { count: problems.length - shownProblems })}</p> : null}
        </div>
        </>
      )}
    </section>
  );
});
