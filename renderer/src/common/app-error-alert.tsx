import { Alert } from '@arco-design/web-react';
import { memo } from 'react';
import type { AppErrorData } from '../../../shared/errors/app-error';
import { describeBusyInstances } from '../../../shared/errors/busy-instances';
import { describeAppError } from '../../../shared/errors/catalogue';
import { describeEcsError } from '../../../shared/errors/ecs-error-catalogue';
import { useLocale, useT } from '../i18n/use-t';
import { CodeText } from './code-text';

/**
 * An app error as the user reads it: what happened and what to do, in their language. When Volcengine or the
 * network was the cause, what it said comes first (explained, with its code and RequestId to quote to support):
 * "the request failed" alone does not tell the admin what to do.
 */
export const AppErrorAlert = memo(function AppErrorAlert(props: { error: AppErrorData; onClose?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { error } = props;
  const app = describeAppError(error.code, locale);
  const cloud = error.cloud;
  const cloudText = cloud === undefined ? null : describeEcsError(cloud.code, locale);
  // "Gave up after 4 attempts" needs its reason: the last failure behind it.
  const cause = cloud?.cause;
  const causeText = cause === undefined ? null : describeEcsError(cause.code, locale);
  return (
    <Alert
      type="error"
      title={cloudText === null ? app.title : `${app.title}${t('common.colon')}${cloudText.title}`}
      content={
        <>
          {/* Which running operation holds the instances, so the admin knows what to wait for or stop. */}
          {error.busy === undefined ? null : <div data-testid="busy-operation">{describeBusyInstances(error.busy, locale)}</div>}
          <div>{cloudText === null ? app.action : cloudText.action}</div>
          {cause === undefined || causeText === null ? null : (
            <div>
              {causeText.title}
              {t('common.colon')}
              {causeText.action}
            </div>
          )}
          {cloud === undefined ? null : (
            <div className="muted">
              <CodeText text={cloud.code} />
              {cause === undefined ? null : (
                <>
                  {' ← '}
                  <CodeText text={cause.code} />
                </>
              )}
              {cloud.requestId === undefined ? '' : ` · ${t('common.requestId')} ${cloud.requestId}`}
            </div>
          )}
        </>
      }
      closable={props.onClose !== undefined}
      onClose={props.onClose}
      data-testid="app-error"
      data-error-code={error.code}
      data-cloud-code={cloud?.code}
    />
  );
});
