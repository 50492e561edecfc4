import { Input, Typography } from '@arco-design/web-react';
import { useId } from 'react';
import type { OperationAction } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { isConfirmed } from './plan-facts';
import './plan-review.css';

export interface TypedConfirmationProps {
  action: OperationAction;
  /** What must be typed: the key pair's name. */
  confirmationText: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter in the field confirms, as the button would. */
  onConfirm: () => void;
}

/** The field a large change must be confirmed in, by typing the key pair's name exactly. */
export function TypedConfirmation(props: TypedConfirmationProps) {
  const t = useT();
  const hintId = useId();
  const confirmed = isConfirmed(props.confirmationText, props.value);
  return (
    <div className="operation-confirm-input">
      <label htmlFor={`${hintId}-input`}>
        <Typography.Text bold>{t(`operation.confirm.label.${props.action}`)}</Typography.Text>
      </label>
      <Typography.Text type="secondary" id={hintId}>
        {format(t('operation.confirm.hint'), { text: props.confirmationText })}
      </Typography.Text>
      <Input
        id={`${hintId}-input`}
        aria-label={t(`operation.confirm.label.${props.action}`)}
        aria-describedby={hintId}
        value={props.value}
        onChange={props.onChange}
        onPressEnter={props.onConfirm}
        autoComplete="off"
        spellCheck={false}
        status={props.value.length > 0 && !confirmed ? 'warning' : undefined}
        data-testid="plan-confirmation"
      />
    </div>
  );
}
