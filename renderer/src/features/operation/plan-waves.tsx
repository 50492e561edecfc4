import { Descriptions } from '@arco-design/web-react';
import { memo } from 'react';
import { allowedBadInstances } from '../../../../shared/domain/reboot-threshold';
import type { RollingPlan } from '../../../../shared/domain/rolling-reboot';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { ExpandableIdList } from './expandable-id-list';
import './rolling-reboot.css';
import './outcome-table.css';

/** Enough rows to check how the waves were formed; the rest follow the same rule. */
const shownWaves = 100;

/**
 * How a reboot will roll out: how many waves and how they were formed, how long each may take to come back, and
 * when it stops; then the waves themselves (zone, instances, requests), each with its instance IDs on request.
 */
export const PlanWaves = memo(function PlanWaves(props: { rolling: RollingPlan }) {
  const t = useT();
  const { rolling } = props;
  const first = rolling.waves[0]!;
  const data = [
    {
      label: t('rolling.review.waves'),
      value: (
        <span data-testid="plan-waves-summary">
          {format(t(rolling.mode === 'zone' ? 'rolling.review.wavesByZone' : 'rolling.review.wavesByBatch'), { waves: rolling.waves.length, size: rolling.waveSize })}
        </span>
      ),
    },
    { label: t('rolling.review.wait'), value: format(t('rolling.review.waitValue'), { minutes: rolling.waitMinutes }) },
    {
      label: t('rolling.review.threshold'),
      value: (
        <span data-testid="plan-threshold">
          {format(t('rolling.review.thresholdValue'), {
            percent: rolling.failurePercent,
            allowed: allowedBadInstances(first.instanceIds.length, rolling.failurePercent),
            size: first.instanceIds.length,
          })}
        </span>
      ),
    },
  ];
  const hidden = rolling.waves.length - shownWaves;
  return (
    <>
      <Descriptions column={1} data={data} labelStyle={{ width: 140 }} border size="small" />
      <div className="rolling-table-scroll" tabIndex={0} role="region" aria-label={t('rolling.review.tableLabel')}>
        <table className="rolling-table" data-testid="plan-waves">
          <thead>
            <tr>
              <th scope="col">{t('rolling.col.wave')}</th>
              {rolling.mode === 'zone' ? <th scope="col">{t('rolling.col.zone')}</th> : null}
              <th scope="col">{t('rolling.col.instances')}</th>
              <th scope="col">{t('rolling.col.requests')}</th>
            </tr>
          </thead>
          <tbody>
            {rolling.waves.slice(0, shownWaves).map((wave) => {
              const name = format(t('rolling.wave.name'), { index: wave.index + 1 });
              return (
                <tr key={wave.index} data-testid="plan-wave">
                  <th scope="row">{name}</th>
                  {rolling.mode === 'zone' ? <td className="operation-cell-mono">{wave.zoneId}</td> : null}
                  <td>
                    <span className="rolling-count">{wave.instanceIds.length}</span>
                    <ExpandableIdList lines={wave.instanceIds} label={format(t('rolling.wave.ids'), { index: wave.index + 1 })} />
                  </td>
                  <td>{wave.batchCount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {hidden > 0 ? <p className="muted">{format(t('rolling.review.more'), { count: hidden })}</p> : null}
      </div>
    </>
  );
});
