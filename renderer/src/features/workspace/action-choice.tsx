import { Radio } from '@arco-design/web-react';
import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import { useWorkspaceStore, type WorkspaceMode } from './workspace-store';
import { workspaceFlow } from './workspace-flow';

const modes: readonly WorkspaceMode[] = ['detach', 'attach'];

/**
 * What this screen is about to do: take a key pair off the instances bound to it, or put one on (a first key, or a
 * rotation over another). A radio group, so the keyboard and a screen reader know it is one choice of two.
 */
export const ActionChoice = memo(function ActionChoice(props: { disabled: boolean }) {
  const t = useT();
  const mode = useWorkspaceStore((state) => state.mode);
  return (
    <Radio.Group
      type="button"
      aria-label={t('workspace.mode')}
      value={mode}
      disabled={props.disabled}
      onChange={(value: WorkspaceMode) => void workspaceFlow.chooseMode(value)}
      data-testid="action-choice"
    >
      {modes.map((value) => (
        <Radio key={value} value={value}>
          {t(`workspace.mode.${value}`)}
        </Radio>
      ))}
    </Radio.Group>
  );
});
