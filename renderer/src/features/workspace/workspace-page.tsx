import { Button, Space, Typography } from '@arco-design/web-react';
import { AppErrorAlert } from '../../common/app-error-alert';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from '../instances/instance-table-store';
import { useOperationStore } from '../operation/operation-store';
import { useInventoryStore } from '../inventory/inventory-store';
import { useWorkspaceStore } from './workspace-store';
import { InstanceTable } from '../instances/instance-table';
import { InstanceToolbar } from '../instances/instance-toolbar';
import { OperationWorkflow } from '../operation/operation-workflow';
import { isTerminalState } from '../operation/progress-facts';
import { ActionChoice } from './action-choice';
import { KeyListingStatus } from './key-listing-status';
import { KeyPairPicker } from './key-pair-picker';
import { KnownFailuresNotice } from './known-failures-notice';
import { RebootOffer } from './reboot-offer';
import { RegionBar } from './region-bar';
import { workspaceFlow } from './workspace-flow';
import './workspace.css';

/**
 * The product: pick a profile, a region, detach or attach, and a key pair, select instances, review, run, read every
 * result. What follows from a choice (regions, listings, the plan, the reading after an operation) runs in
 * workspace-flow.ts.
 */
export function WorkspacePage() {
  const t = useT();
  const keyPair = useWorkspaceStore((state) => state.keyPair);
  const mode = useWorkspaceStore((state) => state.mode);
  const regionsError = useWorkspaceStore((state) => state.regionsError);
  const keyListed = useInventoryStore((state) => state.keyListing?.state === 'complete');
  const hasKeyPairs = useInventoryStore((state) => state.keyPairs.state === 'loaded');
  const selectedCount = useInstanceTableStore((state) => state.selected.size);
  const planning = useOperationStore((state) => state.planning);
  const result = useOperationStore((state) => state.result);
  // One change at a time from this screen: a second plan made while one runs would rest on bindings about to change.
  const operationRunning = useOperationStore((state) => state.progress !== null && !isTerminalState(state.progress.state));

  // A detach rests on the key pair's own complete listing; an attach on what main read of the region (each instance it asks for).
  const ready = keyPair !== null && (mode === 'attach' || keyListed) && selectedCount > 0 && !operationRunning;

  return (
    <section className="workspace" aria-label={t('nav.instances')}>
      <RegionBar />
      {regionsError !== null ? <AppErrorAlert error={regionsError} /> : null}
      <div className="workspace-keypair">
        <ActionChoice disabled={operationRunning || planning} />
        <KeyPairPicker />
        {/* A detach's plan rests on the key pair's own complete listing, never on a region still streaming in. */}
        <Button type="primary" disabled={!ready} loading={planning} onClick={() => void workspaceFlow.planSelection()} data-testid="review-plan">
          {format(t(mode === 'attach' ? 'workspace.reviewAttach' : 'workspace.review'), { count: selectedCount })}
        </Button>
        {keyPair === null && hasKeyPairs ? <Typography.Text type="secondary">{t('workspace.noKeyPair')}</Typography.Text> : null}
      </div>
      {mode === 'attach' && keyPair !== null ? (
        <Typography.Text type="secondary" data-testid="attach-note">
          {t('workspace.attachNote')}
        </Typography.Text>
      ) : (
        <KeyListingStatus />
      )}
      <KnownFailuresNotice />
      {result === null ? null : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <RebootOffer result={result} />
        </Space>
      )}
      <OperationWorkflow />
      <InstanceToolbar />
      <InstanceTable />
    </section>
  );
}
