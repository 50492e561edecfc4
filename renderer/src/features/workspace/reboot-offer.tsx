import { Alert, Button, Checkbox, Space, Typography } from '@arco-design/web-react';
import { memo, useState } from 'react';
import type { OperationResult } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useOperationStore } from '../operation/operation-store';
import { useInstanceTableStore } from '../instances/instance-table-store';

/**
 * After a detach or an attach: the change only takes effect after a reboot, so offer to reboot the instances that succeeded
 * and are running (stopped ones pick it up at their next start), with the hard power-off behind a warning. It plans a
 * rolling reboot, reviewed (its waves, wait and threshold) before anything is sent.
 *
 * Which instances run comes from the Instances table unless `isRunning` says (the Sweep screen knows its accounts'
 * instances from its search); `onPlanned` follows a plan ready for review (the Sweep screen shows it on Instances).
 */
export const RebootOffer = memo(function RebootOffer(props: {
  result: OperationResult;
  isRunning?: ((instanceId: string) => boolean) | undefined;
  onPlanned?: (() => void) | undefined;
}) {
  const t = useT();
  const [forceStop, setForceStop] = useState(false);
  const plan = useOperationStore((state) => state.plan);
  // Re-rendered when the table's data changes (the instances are read again after an operation), not per row.
  useInstanceTableStore((state) => state.dataVersion);
  const { result } = props;
  if (result.plan.action === 'reboot' || result.progress.state === 'running') return null;
  const { index } = useInstanceTableStore.getState();
  const isRunning =
    props.isRunning ??
    ((instanceId: string) => {
      const position = index.positionOf(instanceId);
      return position !== undefined && index.instances[position]?.status === 'RUNNING';
    });
  const toReboot = result.outcomes.filter((outcome) => outcome.status === 'succeeded' && isRunning(outcome.instanceId)).map((outcome) => outcome.instanceId);
  if (toReboot.length === 0) return null;
  return (
    <Alert
      type="info"
      data-testid="reboot-offer"
      content={
        <Space direction="vertical">
          <Typography.Text>{format(t('workspace.rebootOffer'), { count: toReboot.length })}</Typography.Text>
          <Typography.Text type="secondary">{t('workspace.stoppedNote')}</Typography.Text>
          <Typography.Text type="secondary">{t('workspace.rebootRolling')}</Typography.Text>
          <Space>
            <Checkbox checked={forceStop} onChange={setForceStop}>
              <Typography.Text type={forceStop ? 'error' : undefined}>{t('workspace.forceStop')}</Typography.Text>
            </Checkbox>
            <Button
              type="primary"
              status={forceStop ? 'danger' : undefined}
              onClick={() =>
                void plan({
                  profileId: result.plan.profileId,
                  regionId: result.plan.regionId,
                  action: 'reboot',
                  keyPair: null,
                  forceStop,
                  instanceIds: toReboot,
                }).then((planned) => {
                  if (planned) props.onPlanned?.();
                })
              }
            >
              {format(t('workspace.rebootNow'), { count: toReboot.length })}
            </Button>
          </Space>
        </Space>
      }
    />
  );
});
