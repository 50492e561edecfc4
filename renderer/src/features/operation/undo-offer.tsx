import { Button, Space, Typography } from '@arco-design/web-react';
import { IconUndo } from '@arco-design/web-react/icon';
import { memo } from 'react';
import type { OperationResult } from '../../../../shared/domain/operation';
import { AppErrorAlert } from '../../common/app-error-alert';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useOperationStore } from './operation-store';
import { isTerminalState } from './progress-facts';
import { undoableCount } from './undo-facts';
import './operation-results.css';

/**
 * Under a detach's results (on the Instances screen or in History): puts the key back where it was taken off. It
 * plans an attach of the same key pair, which opens the same review as any plan; `onPlanned` follows a plan that is
 * ready (History shows the Instances screen, where the review and the run are). Why a plan could not be made shows
 * here, at the button that asked.
 */
export const UndoOffer = memo(function UndoOffer(props: {
  result: OperationResult;
  onPlanned?: () => void;
  /** Undos already started for this detach (History knows): the offer says so, so none is started twice unawares. */
  undoneCount?: number;
}) {
  const t = useT();
  const { result } = props;
  const planUndo = useOperationStore((state) => state.planUndo);
  const planning = useOperationStore((state) => state.planning && state.undoRequest === result.operationId);
  const error = useOperationStore((state) => (state.undoRequest === result.operationId && state.lastError?.during === 'plan' ? state.lastError.error : null));
  const clearError = useOperationStore((state) => state.clearError);
  // One change at a time: an undo planned while another operation runs would rest on bindings about to change.
  const busy = useOperationStore((state) => state.progress !== null && !isTerminalState(state.progress.state));
  const count = undoableCount(result);
  if (count === 0) return null;
  const undo = async () => {
    if (await planUndo(result.operationId)) props.onPlanned?.();
  };
  return (
    <div className="operation-undo" data-testid="undo-offer">
      <Space wrap align="center">
        <Button icon={<IconUndo aria-hidden />} loading={planning} disabled={busy} onClick={() => void undo()} data-testid="undo-detach" aria-describedby="operation-undo-note">
          {format(t('operation.undo.button'), { name: result.plan.keyPair?.keyPairName ?? '', count })}
        </Button>
        <Typography.Text type="secondary" id="operation-undo-note">
          {(props.undoneCount ?? 0) > 0 ? `${format(t('operation.undo.already'), { count: props.undoneCount ?? 0 })} ` : ''}
          {t('operation.undo.note')}
        </Typography.Text>
      </Space>
      {error === null ? null : <AppErrorAlert error={error} onClose={clearError} />}
    </div>
  );
});
