import { Button, Checkbox, Input, InputNumber, Message, Radio, Typography } from '@arco-design/web-react';
import { useState } from 'react';
import { isProxyUrl } from '../../../../shared/domain/proxy-url';
import type { Settings, SettingsPatch, ThemeSetting } from '../../../../shared/domain/settings';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { AppErrorAlert } from '../../common/app-error-alert';
import { DialogDrawer } from '../../common/dialog-drawer';
import { FormField, PlainForm } from '../../common/plain-form';
import { useSettingsT } from './settings-messages';
import { format } from '../../i18n/format';
import { useAppStore } from '../../app/app-store';
import { useInventoryStore } from '../inventory/inventory-store';
import './settings.css';

type ProxyMode = Settings['proxy']['mode'];

/**
 * Theme, proxy, concurrency, change and read rates, zones listed at once, the inventory kept on this computer,
 * timeout, how long secrets stay in memory, and how a rolling reboot goes; the language is in the header.
 */
export function SettingsDrawer(props: { onClose: () => void }) {
  const t = useSettingsT();
  const settings = useAppStore((state) => state.settings);
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [theme, setTheme] = useState<ThemeSetting>(settings?.theme ?? 'system');
  const [proxyMode, setProxyMode] = useState<ProxyMode>(settings?.proxy.mode ?? 'environment');
  const [proxyUrl, setProxyUrl] = useState(settings?.proxy.mode === 'custom' ? settings.proxy.url : '');
  const [concurrency, setConcurrency] = useState(settings?.requestConcurrency ?? 4);
  const [changeRate, setChangeRate] = useState(settings?.changeRequestsPerSecond ?? 20);
  const [readRate, setReadRate] = useState(settings?.readRequestsPerSecond ?? 20);
  const [zonesAtOnce, setZonesAtOnce] = useState(settings?.zonesListedAtOnce ?? 4);
  const [keepCache, setKeepCache] = useState(settings?.keepInventoryCache ?? true);
  const forgetCache = useInventoryStore((state) => state.forgetCache);
  const [timeout, setTimeoutSeconds] = useState(settings?.requestTimeoutSeconds ?? 30);
  const [secretMinutes, setSecretMinutes] = useState(settings?.secretCacheMinutes ?? 5);
  const [waveMode, setWaveMode] = useState<Settings['rebootWaveMode']>(settings?.rebootWaveMode ?? 'batch');
  const [waveSize, setWaveSize] = useState(settings?.rebootWaveSize ?? 50);
  const [waitMinutes, setWaitMinutes] = useState(settings?.rebootWaitMinutes ?? 10);
  const [failurePercent, setFailurePercent] = useState(settings?.rebootFailurePercent ?? 10);
  const [invalidProxy, setInvalidProxy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const save = async () => {
    // The numbers are kept within their bounds by their inputs; the proxy address is the one thing to check here
    // (main validates the whole change again).
    const url = proxyUrl.trim();
    if (proxyMode === 'custom' && !isProxyUrl(url)) return setInvalidProxy(true);
    const patch: SettingsPatch = {
      theme,
      proxy: proxyMode === 'custom' ? { mode: 'custom', url } : { mode: proxyMode },
      requestConcurrency: concurrency,
      changeRequestsPerSecond: changeRate,
      readRequestsPerSecond: readRate,
      zonesListedAtOnce: zonesAtOnce,
      keepInventoryCache: keepCache,
      requestTimeoutSeconds: timeout,
      secretCacheMinutes: secretMinutes,
      rebootWaveMode: waveMode,
      rebootWaveSize: waveSize,
      rebootWaitMinutes: waitMinutes,
      rebootFailurePercent: failurePercent,
    };
    const failed = await updateSettings(patch);
    if (failed !== null) return setError(failed);
    Message.success(t('settings.saved'));
    props.onClose();
  };

  return (
    <DialogDrawer
      label={t('settings.title')}
      width={480}
      title={t('settings.title')}
      onCancel={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <PlainForm>
        {error === null ? null : <AppErrorAlert error={error} />}
        <FormField label={t('settings.theme')}>
          <Radio.Group type="button" aria-label={t('settings.theme')} value={theme} onChange={setTheme}>
            <Radio value="system">{t('settings.theme.system')}</Radio>
            <Radio value="light">{t('settings.theme.light')}</Radio>
            <Radio value="dark">{t('settings.theme.dark')}</Radio>
          </Radio.Group>
        </FormField>
        <FormField label={t('settings.proxy')}>
          <Radio.Group aria-label={t('settings.proxy')} direction="vertical" value={proxyMode} onChange={setProxyMode}>
            <Radio value="environment">{t('settings.proxy.environment')}</Radio>
            <Radio value="direct">{t('settings.proxy.direct')}</Radio>
            <Radio value="custom">{t('settings.proxy.custom')}</Radio>
          </Radio.Group>
        </FormField>
        {proxyMode === 'custom' ? (
          <FormField label={t('settings.proxyUrl')} invalid={invalidProxy} help={invalidProxy ? t('form.invalid') : undefined}>
            <Input aria-label={t('settings.proxyUrl')} placeholder={t('settings.proxyUrlPlaceholder')} value={proxyUrl} onChange={(url: string) => { setProxyUrl(url); setInvalidProxy(false); }} spellCheck={false} />
          </FormField>
        ) : null}
        <FormField label={t('settings.concurrency')} extra={t('settings.concurrencyHelp')}>
          <InputNumber aria-label={t('settings.concurrency')} min={1} max={10} precision={0} value={concurrency} onChange={(value) => setConcurrency(value)} />
        </FormField>
        <FormField label={t('settings.changeRate')} extra={t('settings.changeRateHelp')}>
          <InputNumber aria-label={t('settings.changeRate')} min={1} max={100} precision={0} value={changeRate} onChange={(value) => setChangeRate(value)} />
        </FormField>
        <FormField label={t('settings.readRate')} extra={t('settings.readRateHelp')}>
          <InputNumber aria-label={t('settings.readRate')} min={1} max={100} precision={0} value={readRate} onChange={(value) => setReadRate(value)} />
        </FormField>
        <FormField label={t('settings.zonesAtOnce')} extra={t('settings.zonesAtOnceHelp')}>
          <InputNumber aria-label={t('settings.zonesAtOnce')} min={1} max={10} precision={0} value={zonesAtOnce} onChange={(value) => setZonesAtOnce(value)} />
        </FormField>
        <FormField extra={t('settings.keepCacheHelp')}>
          <Checkbox checked={keepCache} onChange={setKeepCache}>
            {t('settings.keepCache')}
          </Checkbox>
          <div className="settings-forget-cache">
            <Button
              size="small"
              onClick={() =>
                void forgetCache().then((removed) => {
                  if (removed === null) Message.error(t('settings.cacheForgetFailed'));
                  else Message.success(format(t('settings.cacheForgotten'), { count: removed }));
                })
              }
            >
              {t('settings.forgetCache')}
            </Button>
          </div>
        </FormField>
        <FormField label={t('settings.timeout')}>
          <InputNumber aria-label={t('settings.timeout')} min={5} max={120} precision={0} value={timeout} onChange={(value) => setTimeoutSeconds(value)} />
        </FormField>
        <FormField label={t('settings.secretCache')} extra={t('settings.secretCacheHelp')}>
          <InputNumber aria-label={t('settings.secretCache')} min={0} max={60} precision={0} value={secretMinutes} onChange={(value) => setSecretMinutes(value)} />
        </FormField>
        <Typography.Title heading={6} style={{ margin: '8px 0 16px', paddingTop: 16, borderTop: '1px solid var(--color-border-2)' }}>
          {t('settings.rebootSection')}
        </Typography.Title>
        <FormField label={t('settings.rebootWaveMode')} extra={t('settings.rebootWaveModeHelp')}>
          <Radio.Group type="button" aria-label={t('settings.rebootWaveMode')} value={waveMode} onChange={setWaveMode} data-testid="settings-reboot-wave-mode">
            <Radio value="batch">{t('settings.rebootWaveMode.batch')}</Radio>
            <Radio value="zone">{t('settings.rebootWaveMode.zone')}</Radio>
          </Radio.Group>
        </FormField>
        <FormField label={t('settings.rebootWaveSize')} extra={t('settings.rebootWaveSizeHelp')}>
          <InputNumber aria-label={t('settings.rebootWaveSize')} min={1} max={1000} precision={0} disabled={waveMode === 'zone'} value={waveSize} onChange={(value) => setWaveSize(value)} />
        </FormField>
        <FormField label={t('settings.rebootWait')} extra={t('settings.rebootWaitHelp')}>
          <InputNumber aria-label={t('settings.rebootWait')} min={1} max={120} precision={0} value={waitMinutes} onChange={(value) => setWaitMinutes(value)} />
        </FormField>
        <FormField label={t('settings.rebootFailurePercent')} extra={t('settings.rebootFailurePercentHelp')}>
          <InputNumber aria-label={t('settings.rebootFailurePercent')} min={0} max={100} precision={0} suffix="%" value={failurePercent} onChange={(value) => setFailurePercent(value)} />
        </FormField>
      </PlainForm>
    </DialogDrawer>
  );
}
