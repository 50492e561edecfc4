import { Button, Message, Popconfirm, Space, Tag, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import type { ProfileSummary } from '../../../../shared/domain/profile';
import { AppErrorAlert } from '../../common/app-error-alert';
import { PlainTable, type PlainColumn } from '../../common/plain-table';
import { RegionLabel } from '../../common/region-label';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useProfilesT } from './profiles-messages';
import { useProfilesStore } from './profiles-store';
import { useUiStore } from '../../app/ui-store';
import { useAppStore } from '../../app/app-store';
import { ConnectionTestResultView } from './connection-test-result';
import './profiles.css';

const ProfileStatus = memo(function ProfileStatus(props: { profile: ProfileSummary }) {
  const t = useProfilesT();
  const locale = useLocale();
  const test = useProfilesStore((state) => state.tests[props.profile.id]);
  if (test !== undefined) return <ConnectionTestResultView test={test} />;
  return props.profile.lastVerifiedAt === null ? (
    <Tag>{t('profiles.neverVerified')}</Tag>
  ) : (
    <Tag color="green">
      {t('profiles.verifiedAt')} {formatDateTime(props.profile.lastVerifiedAt, locale)}
    </Tag>
  );
});

const ProfileActions = memo(function ProfileActions(props: { profile: ProfileSummary }) {
  const t = useProfilesT();
  const testConnection = useProfilesStore((state) => state.testConnection);
  const remove = useProfilesStore((state) => state.remove);
  const openDrawer = useUiStore((state) => state.openDrawer);
  const { id, name } = props.profile;
  return (
    <Space>
      <Button size="small" aria-label={`${t('profiles.test')} ${name}`} onClick={() => void testConnection(id)}>
        {t('profiles.test')}
      </Button>
      <Button size="small" aria-label={`${t('profiles.edit')} ${name}`} onClick={() => openDrawer({ kind: 'edit', profileId: id })}>
        {t('profiles.edit')}
      </Button>
      <Popconfirm title={t('profiles.deleteConfirm')} onOk={() => void remove(id)}>
        <Button size="small" status="danger" aria-label={`${t('profiles.delete')} ${name}`}>
          {t('profiles.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
});

/** Every profile, its connection state, and what can be done with it. */
export function ProfilesPage() {
  const t = useProfilesT();
  const demoMode = useAppStore((state) => state.info?.demoMode === true);
  const locale = useLocale();
  const profiles = useProfilesStore((state) => state.profiles);
  const problem = useProfilesStore((state) => state.problem);
  const lastError = useProfilesStore((state) => state.lastError);
  const clearError = useProfilesStore((state) => state.clearError);
  const lockSecrets = useProfilesStore((state) => state.lockSecrets);
  const openDrawer = useUiStore((state) => state.openDrawer);

  const columns: Array<PlainColumn<ProfileSummary>> = [
    { key: 'name', title: t('profiles.col.name'), render: (profile) => <Typography.Text bold>{profile.name}</Typography.Text> },
    {
      key: 'accessKey',
      title: t('profiles.col.accessKey'),
      render: (profile) => (
        <Space>
          <code className="profile-access-key">{profile.accessKeyHint}</code>
          {profile.hasSessionToken ? <Tag color="arcoblue">{t('profiles.sts')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'region', title: t('profiles.col.region'), render: (profile) => <RegionLabel regionId={profile.region} locale={locale} /> },
    { key: 'endpoint', title: t('profiles.col.endpoint'), render: (profile) => profile.endpoint ?? t('profiles.defaultEndpoint') },
    {
      key: 'accountId',
      title: t('profiles.col.accountId'),
      render: (profile) => (profile.accountId == null ? '—' : <code className="profile-account-id" data-testid="profile-account-id">{profile.accountId}</code>),
    },
    { key: 'status', title: t('profiles.col.status'), width: 240, render: (profile) => <ProfileStatus profile={profile} /> },
    { key: 'actions', title: t('profiles.col.actions'), render: (profile) => <ProfileActions profile={profile} /> },
  ];

  const lock = async () => {
    if (await lockSecrets()) Message.success(t('profiles.locked'));
  };

  return (
    <section className="page" aria-labelledby="profiles-title">
      <div className="page-header">
        <div>
          <Typography.Title heading={5} id="profiles-title">
            {t('profiles.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t(demoMode ? 'profiles.subtitleDemo' : 'profiles.subtitle')}</Typography.Text>
        </div>
        <Space>
          <Button onClick={() => void lock()}>{t('profiles.lock')}</Button>
          <Button onClick={() => openDrawer({ kind: 'import' })}>{t('profiles.import')}</Button>
          <Button type="primary" onClick={() => openDrawer({ kind: 'create' })}>
            {t('profiles.add')}
          </Button>
        </Space>
      </div>
      {problem === null ? null : <AppErrorAlert error={problem} />}
      {lastError === null ? null : <AppErrorAlert error={lastError} onClose={clearError} />}
      <PlainTable label={t('profiles.title')} rowKey={(profile) => profile.id} columns={columns} rows={profiles} />
    </section>
  );
}
