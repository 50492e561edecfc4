import { memo } from 'react';
import type { Locale } from '../../../shared/domain/locale';
import { describeEcsError, isAppOwnEcsCode } from '../../../shared/errors/ecs-error-catalogue';
import { CodeText } from './code-text';
import './error-code.css';

/**
 * An error code as the admin should read it, wrapping only at its dots and underscores (CodeText). Volcengine's own codes are shown verbatim (they are what support and
 * the docs know). The app's own codes (`ECS_NOT_APPLIED`, `ECS_INTERRUPTED`...) are not Volcengine's, so they must
 * not look like it: their meaning in words comes first, the code second and quieter.
 */
export const ErrorCode = memo(function ErrorCode(props: { code: string; locale: Locale }) {
  const { code, locale } = props;
  if (!isAppOwnEcsCode(code)) {
    return (
      <code className="error-code error-code-volcengine" data-code={code}>
        <CodeText text={code} />
      </code>
    );
  }
  return (
    <span className="error-code error-code-app" data-code={code}>
      <span className="error-code-label">{describeEcsError(code, locale).title}</span> <code className="error-code-own">
        <CodeText text={code} />
      </code>
    </span>
  );
});
