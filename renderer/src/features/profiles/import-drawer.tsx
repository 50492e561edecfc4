import { Alert, Button, Checkbox, Empty, Input, List, Select, Space, Spin, Tag, Typography } from '@arco-design/web-react';
import { useEffect, useState } from 'react';
import type { ImportCandidate, ImportResult, ImportScan } from '../../../../shared/domain/credential-import';
import { knownRegions } from '../../../../shared/domain/known-regions';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { AppErrorAlert } from '../../common/app-error-alert';
import { DialogDrawer } from '../../common/dialog-drawer';
import { format } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useProfilesT } from './profiles-messages';
import { useProfilesStore } from './profiles-store';

const keyOf = (candidate: ImportCandidate) => `${candidate.source}:${candidate.sourceName}`;

/** A candidate is importable unless its only fault is one the user can fix here (a name, a region). */
const importable = (candidate: ImportCandidate) => candidate.problem === null || candidate.problem === 'name-taken';

interface Choice {
  selected: boolean;
  name: string;
  region: string;
}

/**
 * Import from the Volcengine CLI's config file and the VOLCENGINE_* variables: the user sees masked candidates,
 * picks some, and main moves their keys into the keychain, then warns that the CLI file still holds them.
 */
export function ImportDrawer(props: { onClose: () => void }) {
  const t = useProfilesT();
  const locale = useLocale();
  const scanImports = useProfilesStore((state) => state.scanImports);
  const importSelected = useProfilesStore((state) => state.importSelected);
  const [scan, setScan] = useState<ImportScan | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void scanImports().then((answer) => {
      if (!answer.ok) return setError(answer.error);
      setScan(answer.value);
      setChoices(
        Object.fromEntries(
          answer.value.candidates.map((candidate) => [
            keyOf(candidate),
            { selected: candidate.problem === null && candidate.region !== null, name: candidate.sourceName === 'environment' ? 'env' : candidate.sourceName, region: candidate.region ?? '' },
          ]),
        ),
      );
    });
  }, [scanImports]);

  const change = (key: string, patch: Partial<Choice>) =>
    setChoices((current) => ({ ...current, [key]: { ...current[key]!, ...patch } }));

  const submit = async () => {
    const items = (scan?.candidates ?? [])
      .filter((candidate) => choices[keyOf(candidate)]?.selected === true)
      .map((candidate) => {
        const choice = choices[keyOf(candidate)]!;
        return { source: candidate.source, sourceName: candidate.sourceName, name: choice.name.trim(), ...(choice.region === '' ? {} : { region: choice.region }) };
      });
    if (items.length === 0) return;
    setBusy(true);
    const answer = await importSelected({ items });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  const selectedCount = Object.values(choices).filter((choice) => choice.selected).length;

  return (
    <DialogDrawer
      label={t('import.title')}
      width={560}
      title={t('import.title')}
      onCancel={props.onClose}
      footer={
        result === null ? (
          <>
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} disabled={selectedCount === 0} onClick={() => void submit()}>
              {t('import.submit')}
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={props.onClose}>
            {t('common.close')}
          </Button>
        )
      }
    >
      {error === null ? null : <AppErrorAlert error={error} />}
      {scan === null && error === null ? <Spin tip={t('import.scanning')} /> : null}
      {scan !== null && result === null ? (
        <Space direction="vertical" size="medium" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('import.file')}
            {t('common.colon')}
            <code>{scan.cliConfigPath}</code>
            {format(t('common.inParentheses'), { text: t(`import.state.${scan.cliConfigState}`) })}
          </Typography.Text>
          {scan.candidates.length === 0 ? <Empty description={t('import.nothing')} /> : null}
          <List
            dataSource={scan.candidates}
            render={(candidate) => {
              const key = keyOf(candidate);
              const choice = choices[key];
              return (
                <List.Item key={key} data-testid="import-candidate">
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Checkbox
                      checked={choice?.selected ?? false}
                      disabled={!importable(candidate)}
                      onChange={(selected: boolean) => change(key, { selected })}
                      aria-label={`${t(`import.source.${candidate.source}`)} ${candidate.sourceName}`}
                    >
                      <Space>
                        <Typography.Text bold>{candidate.sourceName}</Typography.Text>
                        <Tag>{t(`import.source.${candidate.source}`)}</Tag>
                        {candidate.accessKeyHint === null ? null : <code>{candidate.accessKeyHint}</code>}
                        {candidate.hasSessionToken ? <Tag color="arcoblue">STS</Tag> : null}
                      </Space>
                    </Checkbox>
                    {candidate.problem === null || candidate.problem === 'name-taken' ? null : (
                      <Typography.Text type="warning">{t(`import.problem.${candidate.problem}`)}</Typography.Text>
                    )}
                    {choice?.selected === true ? (
                      <Space wrap>
                        <Input size="small" aria-label={t('form.name')} value={choice.name} onChange={(name) => change(key, { name })} style={{ width: 160 }} />
                        <Select
                          size="small"
                          aria-label={t('form.region')}
                          placeholder={t('import.regionNeeded')}
                          value={choice.region === '' ? undefined : choice.region}
                          onChange={(region: string) => change(key, { region })}
                          // The ID first, and room for it whole with the longest name: "cn-beijing · 华北2（北京）".
                          options={knownRegions.map((region) => ({ value: region.id, label: `${region.id} · ${region.name[locale]}` }))}
                          style={{ width: 320 }}
                        />
                      </Space>
                    ) : null}
                    {candidate.problem === 'name-taken' ? <Typography.Text type="warning">{t('import.problem.name-taken')}</Typography.Text> : null}
                  </Space>
                </List.Item>
              );
            }}
          />
        </Space>
      ) : null}
      {result === null ? null : (
        <Space direction="vertical" size="medium" style={{ width: '100%' }}>
          <Alert type="success" content={format(t('import.done'), { count: result.imported.length })} />
          {result.plaintextStillAt === null ? null : (
            <Alert type="warning" data-testid="plaintext-warning" content={format(t('import.plaintextWarning'), { path: result.plaintextStillAt })} />
          )}
          {result.failed.map((failure) => (
            <div key={`${failure.source}:${failure.sourceName}`}>
              <Typography.Text bold>
                {t('import.failedItem')}
                {t('common.colon')}
                {failure.sourceName}
              </Typography.Text>
              <AppErrorAlert error={failure.error} />
            </div>
          ))}
        </Space>
      )}
    </DialogDrawer>
  );
}
