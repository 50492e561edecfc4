import { Button, Input, Select, Space, Typography } from '@arco-design/web-react';
import { memo, useState, type FormEvent } from 'react';
import { format } from '../../i18n/format';
import { useSweepT } from './sweep-messages';
import { useProfilesStore } from '../profiles/profiles-store';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useSweepStore } from './sweep-store';
import { isTerminalState } from '../operation/progress-facts';
import { sweptProfiles } from './sweep-facts';
import { maxSweptProfiles } from '../../../../shared/domain/sweep-limits';
import './sweep.css';

/**
 * Which accounts, which key pair name: the two facts a sweep needs. Every profile is searched unless the admin
 * picks some: in an emergency the safe default is everywhere.
 */
export const SweepSearchForm = memo(function SweepSearchForm() {
  const t = useSweepT();
  const profiles = useProfilesStore((state) => state.profiles);
  const currentId = useWorkspaceStore((state) => state.profileId);
  const currentProfile = profiles.find((profile) => profile.id === currentId);
  const searching = useSweepStore((state) => state.search.state === 'searching');
  // A running sweep is watched to its end before the next search replaces it on screen.
  const running = useSweepStore((state) => state.runs.some((run) => !isTerminalState(run.progress.state)));
  const find = useSweepStore((state) => state.find);
  const cancelSearch = useSweepStore((state) => state.cancelSearch);
  const [chosen, setChosen] = useState<string[]>([]);
  const [keyPairName, setKeyPairName] = useState('');
  const name = keyPairName.trim();
  const { picked, profileIds, tooMany } = sweptProfiles(chosen, profiles);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (profileIds.length > 0 && !tooMany && name !== '' && !searching && !running) void find(profileIds, name);
  };

  return (
    <form className="sweep-form" onSubmit={submit} aria-label={t('sweep.formLabel')}>
      <Space wrap align="start">
        <div className="sweep-profiles-field">
          <label className="sweep-field">
            <span id="sweep-profiles-label">{t('sweep.profiles')}</span>
            <Select
              mode="multiple"
              aria-labelledby="sweep-profiles-label"
              aria-describedby="sweep-profiles-hint"
              data-testid="sweep-profiles"
              style={{ width: 340 }}
              value={picked}
              onChange={(ids: string[]) => setChosen(ids)}
              placeholder={format(t('sweep.allProfiles'), { count: profiles.length })}
              allowClear
              disabled={searching}
              maxTagCount={3}
            >
              {profiles.map((profile) => (
                <Select.Option key={profile.id} value={profile.id}>
                  {profile.name}
                </Select.Option>
              ))}
            </Select>
            <Typography.Text type="secondary" id="sweep-profiles-hint" className="sweep-hint">
              {t('sweep.profilesHint')}
            </Typography.Text>
            {tooMany ? (
              <Typography.Text type="error" className="sweep-hint" role="alert" data-testid="sweep-too-many">
                {format(t('sweep.tooManyProfiles'), { max: maxSweptProfiles })}
              </Typography.Text>
            ) : null}
          </label>
          {/* The common case, a key of the account in hand, stays one click away. */}
          {currentProfile === undefined || profiles.length < 2 ? null : (
            <Button
              type="text"
              size="mini"
              className="sweep-only-current"
              disabled={searching}
              data-testid="sweep-only-current"
              onClick={() => setChosen(picked.length === 1 && picked[0] === currentProfile.id ? [] : [currentProfile.id])}
            >
              {format(t(picked.length === 1 && picked[0] === currentProfile.id ? 'sweep.allProfilesAgain' : 'sweep.onlyCurrent'), { name: currentProfile.name })}
            </Button>
          )}
        </div>
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
        <div className="sweep-form-actions">
          <Button type="primary" htmlType="submit" loading={searching} disabled={profileIds.length === 0 || tooMany || name === '' || running}>
            {t('sweep.search')}
          </Button>
          {searching ? <Button onClick={() => void cancelSearch()}>{t('sweep.cancelSearch')}</Button> : null}
        </div>
      </Space>
    </form>
  );
});
