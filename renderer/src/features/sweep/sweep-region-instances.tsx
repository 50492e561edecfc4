import { Tag, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import { detachBlocker } from '../../../../shared/domain/detachability';
import type { SweepRegion } from '../../../../shared/domain/sweep';
import { format } from '../../i18n/format';
import { useSweepT } from './sweep-messages';
import { blockerLabel, statusColor, statusLabel } from '../instances/instance-labels';
import './sweep.css';

/** Enough to recognise the instances; the review and the results list every one. */
const shownInstances = 200;

/** The instances of one region that carry the key, with why any of them cannot be detached. */
export const SweepRegionInstances = memo(function SweepRegionInstances(props: { region: Extract<SweepRegion, { state: 'found' }>; account: string }) {
  const t = useSweepT();
  const { region } = props;
  const ref = { keyPairId: region.keyPair.keyPairId, keyPairName: region.keyPair.keyPairName };
  const shown = region.instances.slice(0, shownInstances);
  return (
    // A scrolling box must be reachable by keyboard to be scrolled by keyboard.
    <div className="sweep-instances" tabIndex={0} role="region" aria-label={format(t('sweep.instancesCaption'), { region: region.regionId, account: props.account })} data-testid={`sweep-instances-${props.account}-${region.regionId}`}>
      <table className="sweep-instance-table">
        <caption className="visually-hidden">{format(t('sweep.instancesCaption'), { region: region.regionId, account: props.account })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('instances.col.name')}</th>
            <th scope="col">{t('instances.col.status')}</th>
            <th scope="col">{t('instances.col.os')}</th>
            <th scope="col">{t('instances.col.zone')}</th>
            <th scope="col">{t('instances.col.privateIp')}</th>
            <th scope="col">{t('sweep.col.detachable')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((instance) => {
            const blocker = detachBlocker(instance, ref);
            return (
              <tr key={instance.instanceId}>
                <td>
                  <div>{instance.instanceName}</div>
                  <code>{instance.instanceId}</code>
                </td>
                <td>
                  <Tag size="small" color={statusColor(instance.status)}>
                    {statusLabel(t, instance.status)}
                  </Tag>
                </td>
                <td>{instance.osName || instance.osType}</td>
                <td>{instance.zoneId}</td>
                <td>{instance.privateIp ?? ''}</td>
                <td data-blocker={blocker ?? 'none'}>{blocker === null ? t('sweep.detachable') : blockerLabel(t, blocker)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {region.instances.length > shown.length ? (
        <Typography.Text type="secondary">{format(t('sweep.moreInstances'), { shown: shown.length, total: region.instances.length })}</Typography.Text>
      ) : null}
    </div>
  );
});
