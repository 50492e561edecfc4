import { Button, Input, Select, Space } from '@arco-design/web-react';
import { memo, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { useProfilesStore } from '../profiles/profiles-store';
import { useSweepStore } from './sweep-store';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { isTerminalState } from '../operation/progress-facts';
import './sweep.css';

/** Which profile, which key pair name: the two facts a sweep needs. The workspace's profile is the default. */
export const SweepSearchForm = memo(function SweepSearchForm() {
  const t = useT();
  const profiles = useProfilesStore((state) => state.profiles);
  const workspaceProfileId = useWorkspaceStore((state) => state.profileId);
  const searching = useSweepStore((state) => state.search.state === 'searching');
  // A running sweep is watched to its end before the next search replaces it on screen.
  const running = useSweepStore((state) => state.runs.some((run) => !isTerminalState(run.progress.state)));
  const find = useSweepStore((state) => state.find);
  const cancelSearch = useSweepStore((state) => state.cancelSearch);
  const [profileId, setProfileId] = useState<string | undefined>(workspaceProfileId ?? profiles[0]?.id);
  const [keyPairName, setKeyPairName] = useState('');
  const name = keyPairName.trim();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (profileId !== undefined && name !== '' && !searching && !running) void find(profileId, name);
  };

  return (
    <form className="sweep-form" onSubmit={submit} aria-label={t('sweep.formLabel')}>
      <Space wrap align="end">
        <label className="sweep-field">
          <span>{t('workspace.profile')}</span>
          <Select aria-label={t('workspace.profile')} style={{ width: 220 }} value={profileId} onChange={setProfileId} disabled={searching}>
            {profiles.map((profile) => (
              <Select.Option key={profile.id} value={profile.id}>
                {profile.name}
              </Select.Option>
            ))}
          </Select>
        </label>
        <label className="sweep-field">
          <span>{t('sweep.keyPairName')}</span>
          <Input
            aria-label={t('sweep.keyPairName')}
            placeholder={t('sweep.keyPairNamePlaceholder')}
            style={{ width: 280 }}
            value={keyPairName}
            onChange={setKeyPairName}
            onPressEnter={() => submit()}
            maxLength={128}
            autoComplete="off"
            spellCheck={false}
            disabled={searching}
          />
        </label>
        <Button type="primary" htmlType="submit" loading={searching} disabled={profileId === undefined || name === '' || running}>
          {t('sweep.search')}
        </Button>
        {searching ? <Button onClick={() => void cancelSearch()}>{t('sweep.cancelSearch')}</Button> : null}
      </Space>
    </form>
  );
});
