import { Alert, Spin } from '@arco-design/web-react';
import { memo } from 'react';
import { describeEcsError } from '../../../../shared/errors/ecs-error-catalogue';
import { AppErrorAlert } from '../../common/app-error-alert';
import { format } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useProfilesT } from './profiles-messages';
import type { ConnectionTestState } from './profiles-store';

/** The outcome of "test connection": success with what was seen, or the explained failure. */
export const ConnectionTestResultView = memo(function ConnectionTestResultView(props: { test: ConnectionTestState }) {
  const t = useProfilesT();
  const locale = useLocale();
  const { test } = props;
  if (test.state === 'testing') return <Spin size={14} tip={t('profiles.testing')} />;
  if (test.state === 'error') return <AppErrorAlert error={test.error} />;
  const { result } = test;
  if (result.ok) {
    return (
      <Alert
        type="success"
        data-testid="connection-test"
        title={t('test.ok')}
        content={format(t('test.okDetail'), { count: result.regions.length })}
      />
    );
  }
  const text = describeEcsError(result.error.code, locale);
  const skew = result.clockSkewSeconds;
  return (
    <Alert
      type="error"
      data-testid="connection-test"
      data-error-code={result.error.code}
      title={`${t('test.failed')}${t('common.colon')}${text.title}`}
      content={
        <>
          <div>{text.action}</div>
          {skew !== null && result.error.code === 'InvalidTimestamp' ? (
            <div>
              {format(t('test.clockSkew'), {
                seconds: Math.abs(skew),
                direction: t(skew > 0 ? 'test.ahead' : 'test.behind'),
              })}
            </div>
          ) : null}
          <div className="muted">
            {result.error.code}
            {result.error.requestId === undefined ? '' : ` · ${t('common.requestId')} ${result.error.requestId}`}
          </div>
        </>
      }
    />
  );
});
