import { Button, Checkbox, Input, Typography } from '@arco-design/web-react';
import { useState } from 'react';
import { knownRegions } from '../../../../shared/domain/known-regions';
import type { ProfileSummary } from '../../../../shared/domain/profile';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { AppErrorAlert } from '../../common/app-error-alert';
import { DialogDrawer } from '../../common/dialog-drawer';
import { FormField, PlainForm } from '../../common/plain-form';
import { SearchableSelect } from '../../common/searchable-select';
import { useLocale } from '../../i18n/use-t';
import { useProfilesT } from './profiles-messages';
import { useProfilesStore } from './profiles-store';
import { useAppStore } from '../../app/app-store';
import { profileRequest, type ProfileField, type ProfileFormValues } from './profile-request';

function initialValues(profile: ProfileSummary | undefined): ProfileFormValues {
  return {
    name: profile?.name ?? '',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    region: profile?.region ?? 'cn-beijing',
    endpoint: profile?.endpoint ?? '',
    accountId: profile?.accountId ?? '',
    removeSessionToken: false,
  };
}

/** Add or edit a profile. Secrets go to main once, on save, and are never read back: editing leaves them empty. */
export function ProfileFormDrawer(props: { profile?: ProfileSummary; onClose: () => void }) {
  const t = useProfilesT();
  const demoMode = useAppStore((state) => state.info?.demoMode === true);
  const locale = useLocale();
  const create = useProfilesStore((state) => state.create);
  const update = useProfilesStore((state) => state.update);
  const editing = props.profile !== undefined;
  const [values, setValues] = useState(() => initialValues(props.profile));
  const [invalid, setInvalid] = useState<Set<ProfileField>>(new Set());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const set = (field: keyof ProfileFormValues) => (value: string | boolean) => setValues((current) => ({ ...current, [field]: value }));
  const help = (field: ProfileField) => (invalid.has(field) ? t(field === 'accountId' ? 'form.accountIdInvalid' : 'form.invalid') : undefined);

  const submit = async () => {
    const request = profileRequest(values, props.profile);
    if ('errors' in request) {
      setInvalid(request.errors);
      return;
    }
    setInvalid(new Set());
    setSaving(true);
    const result = 'create' in request ? await create(request.create) : await update(request.update);
    setSaving(false);
    if (result.ok) props.onClose();
    else setError(result.error);
  };

  return (
    <DialogDrawer
      label={t(editing ? 'form.editTitle' : 'form.createTitle')}
      width={480}
      title={t(editing ? 'form.editTitle' : 'form.createTitle')}
      onCancel={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <PlainForm onSubmit={() => void submit()} label={t(editing ? 'form.editTitle' : 'form.createTitle')}>
        {error === null ? null : <AppErrorAlert error={error} onClose={() => setError(null)} />}
        <FormField label={t('form.name')} required invalid={invalid.has('name')} help={help('name')}>
          <Input aria-label={t('form.name')} placeholder={t('form.namePlaceholder')} value={values.name} onChange={set('name')} maxLength={64} />
        </FormField>
        <FormField label={`${t('form.accountId')} (${t('common.optional')})`} invalid={invalid.has('accountId')} help={help('accountId') ?? t('form.accountIdHelp')}>
          <Input aria-label={t('form.accountId')} placeholder={t('form.accountIdPlaceholder')} value={values.accountId} onChange={set('accountId')} inputMode="numeric" spellCheck={false} maxLength={40} />
        </FormField>
        <FormField
          label={t('form.accessKeyId')}
          required={!editing}
          invalid={invalid.has('accessKeyId')}
          help={help('accessKeyId') ?? (editing ? `${props.profile?.accessKeyHint ?? ''} · ${t('form.keepSecret')}` : undefined)}
        >
          <Input aria-label={t('form.accessKeyId')} value={values.accessKeyId} onChange={set('accessKeyId')} autoComplete="off" spellCheck={false} />
        </FormField>
        <FormField
          label={t('form.secretAccessKey')}
          required={!editing}
          invalid={invalid.has('secretAccessKey')}
          help={help('secretAccessKey') ?? (editing ? t('form.keepSecret') : t(demoMode ? 'form.secretNoteDemo' : 'form.secretNote'))}
        >
          <Input.Password aria-label={t('form.secretAccessKey')} value={values.secretAccessKey} onChange={set('secretAccessKey')} autoComplete="off" visibilityToggle={false} />
        </FormField>
        <FormField label={`${t('form.sessionToken')} (${t('common.optional')})`} invalid={invalid.has('sessionToken')} help={help('sessionToken')}>
          <Input.Password aria-label={t('form.sessionToken')} value={values.sessionToken} onChange={set('sessionToken')} autoComplete="off" visibilityToggle={false} disabled={values.removeSessionToken} />
        </FormField>
        {editing && props.profile?.hasSessionToken ? (
          <Checkbox checked={values.removeSessionToken} onChange={set('removeSessionToken')}>
            {t('form.removeSessionToken')}
          </Checkbox>
        ) : null}
        <FormField label={t('form.region')} required invalid={invalid.has('region')} help={help('region')}>
          <SearchableSelect
            label={t('form.region')}
            allowCreate
            value={values.region}
            onChange={set('region')}
            options={knownRegions.map((region) => ({ value: region.id, label: `${region.name[locale]} · ${region.id}` }))}
          />
        </FormField>
        <FormField label={`${t('form.endpoint')} (${t('common.optional')})`} invalid={invalid.has('endpoint')} help={help('endpoint')}>
          <Input aria-label={t('form.endpoint')} placeholder={t('form.endpointPlaceholder')} value={values.endpoint} onChange={set('endpoint')} spellCheck={false} />
        </FormField>
        <Typography.Text type="secondary">{t(demoMode ? 'form.secretNoteDemo' : 'form.secretNote')}</Typography.Text>
      </PlainForm>
    </DialogDrawer>
  );
}
