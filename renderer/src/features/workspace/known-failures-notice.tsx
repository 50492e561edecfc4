import { Alert, Button } from '@arco-design/web-react';
import { memo } from 'react';
import { describeEcsError, isAppOwnEcsCode } from '../../../../shared/errors/ecs-error-catalogue';
import { format } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useInstanceTableStore } from '../instances/instance-table-store';
import { useOperationStore } from '../operation/operation-store';
import { useWorkspaceStore } from './workspace-store';
import { knownToFailAgain } from '../operation/known-failures';
import './workspace.css';

/**
 * Beside "Review detach": the selected instances that the last detach of this key pair could not change for a
 * reason that needs a change first. Review stays possible (the admin may have fixed the cause since), but it is
 * never offered silently for instances known to fail again; leaving them out is one click.
 */
export const KnownFailuresNotice = memo(function KnownFailuresNotice() {
  const t = useT();
  const locale = useLocale();
  const result = useOperationStore((state) => state.result);
  const profileId = useWorkspaceStore((state) => state.profileId);
  const regionId = useWorkspaceStore((state) => state.regionId);
  const keyPair = useWorkspaceStore((state) => state.keyPair);
  const action = useWorkspaceStore((state) => (state.mode === 'attach' ? 'attach-key-pair' : 'detach-key-pair'));
  const selected = useInstanceTableStore((state) => state.selected);
  const deselect = useInstanceTableStore((state) => state.deselect);
  if (profileId === null || regionId === null || keyPair === null || selected.size === 0) return null;
  const known = knownToFailAgain(result, { profileId, regionId, keyPair, action }, [...selected]);
  if (known.instanceIds.length === 0) return null;
  const codes = known.codes.map(({ code }) => (isAppOwnEcsCode(code) ? describeEcsError(code, locale).title : code)).join(', ');
  return (
    <Alert
      type="warning"
      className="workspace-notice"
      data-testid="known-failures"
      content={format(t('workspace.knownFailures'), { count: known.instanceIds.length, codes })}
      action={
        <Button size="small" onClick={() => deselect(known.instanceIds)} data-testid="leave-out-known-failures">
          {format(t('workspace.knownFailures.leaveOut'), { count: known.instanceIds.length })}
        </Button>
      }
    />
  );
});
