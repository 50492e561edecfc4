import { Alert, Button, Message, Space, Typography } from '@arco-design/web-react';
import { useCallback, useEffect, useLayoutEffect } from 'react';
import { AppErrorAlert } from '../../common/app-error-alert';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from '../../stores/instance-table-store';
import { useOperationStore } from '../../stores/operation-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { currentInventory, useWorkspaceStore } from '../../stores/workspace-store';
import { InstanceTable } from '../instances/instance-table';
import { InstanceToolbar } from '../instances/instance-toolbar';
import type { ExportHandler } from '../operation/export';
import { OperationWorkflow } from '../operation/operation-workflow';
import { KeyPairPicker } from './key-pair-picker';
import { RebootOffer } from './reboot-offer';
import { RegionBar } from './region-bar';

/** The product: pick a profile, a region and a key pair, select instances, review, detach, read every result. */
export function WorkspacePage() {
  const t = useT();
  const profiles = useProfilesStore((state) => state.profiles);
  const profileId = useWorkspaceStore((state) => state.profileId);
  const regionId = useWorkspaceStore((state) => state.regionId);
  const inventoryState = useWorkspaceStore((state) => state.inventory);
  const keyPair = useWorkspaceStore((state) => state.keyPair);
  const regionsError = useWorkspaceStore((state) => state.regionsError);
  const selectProfile = useWorkspaceStore((state) => state.selectProfile);
  const loadInventory = useWorkspaceStore((state) => state.loadInventory);
  const setTableData = useInstanceTableStore((state) => state.setData);
  const selectedCount = useInstanceTableStore((state) => state.selected.size);
  const planOperation = useOperationStore((state) => state.plan);
  const planning = useOperationStore((state) => state.planning);
  const result = useOperationStore((state) => state.result);
  const inventory = currentInventory(inventoryState);

  useEffect(() => {
    const first = profiles[0];
    if (profileId === null && first !== undefined) void selectProfile(first.id, first.region);
  }, [profileId, profiles, selectProfile]);

  // A layout effect: the table's rows render in the same frame as the load's answer, not one paint later.
  useLayoutEffect(() => {
    setTableData(inventory?.instances ?? [], keyPair);
  }, [inventory, keyPair, setTableData]);

  // Bindings changed: show the region as it is now, once an operation has ended.
  const finishedOperation = result !== null && result.finishedAt !== null ? result.operationId : null;
  useEffect(() => {
    if (finishedOperation !== null) void loadInventory();
  }, [finishedOperation, loadInventory]);

  const review = () => {
    if (profileId === null || regionId === null || keyPair === null) return;
    void planOperation({
      profileId,
      regionId,
      action: 'detach-key-pair',
      keyPair,
      forceStop: false,
      instanceIds: useInstanceTableStore.getState().selectedIds(),
    });
  };

  const saveExport = useWorkspaceStore((state) => state.saveExport);
  const onExport: ExportHandler = useCallback(
    (fileName, content, mimeType) => {
      void saveExport(fileName, content, mimeType).then((path) => {
        if (path !== null) Message.success(format(t('workspace.exported'), { path }));
      });
    },
    [saveExport, t],
  );

  const cancelled = inventoryState.state === 'failed' && inventoryState.error.cloud?.code === 'ECS_CANCELLED';
  return (
    <section className="workspace" aria-label={t('nav.instances')}>
      <RegionBar />
      {inventoryState.state === 'failed' ? (
        cancelled ? <Alert type="info" content={t('workspace.loadCancelled')} /> : <AppErrorAlert error={inventoryState.error} />
      ) : regionsError !== null ? (
        <AppErrorAlert error={regionsError} />
      ) : null}
      <div className="workspace-keypair">
        <KeyPairPicker />
        <Button type="primary" disabled={keyPair === null || selectedCount === 0} loading={planning} onClick={review}>
          {format(t('workspace.review'), { count: selectedCount })}
        </Button>
        {keyPair === null && inventory !== null ? <Typography.Text type="secondary">{t('workspace.noKeyPair')}</Typography.Text> : null}
      </div>
      {result === null ? null : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <RebootOffer result={result} />
        </Space>
      )}
      <OperationWorkflow onExport={onExport} />
      <InstanceToolbar />
      <InstanceTable />
    </section>
  );
}
