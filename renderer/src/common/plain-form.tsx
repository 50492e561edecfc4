import type { FormEvent, ReactNode } from 'react';

/*
 * A vertical form in Arco's Form markup and look (its stylesheet is imported in arco.ts), without Arco's Form
 * component: that brings a validation engine (b-validate) and lodash, 18 KiB gzip, which these forms never use. They
 * check the shared rules main's schemas are built from, and main validates every request again.
 */

/** Arco's required mark (the star of its Form labels). */
function RequiredMark() {
  return (
    <strong className="arco-form-item-symbol" aria-hidden>
      <svg fill="currentColor" viewBox="0 0 1024 1024" width="1em" height="1em">
        <path d="M583.338667 17.066667c18.773333 0 34.133333 15.36 34.133333 34.133333v349.013333l313.344-101.888a34.133333 34.133333 0 0 1 43.008 22.016l42.154667 129.706667a34.133333 34.133333 0 0 1-21.845334 43.178667l-315.733333 102.4 208.896 287.744a34.133333 34.133333 0 0 1-7.509333 47.786666l-110.421334 80.213334a34.133333 34.133333 0 0 1-47.786666-7.509334L505.685333 706.218667 288.426667 1005.226667a34.133333 34.133333 0 0 1-47.786667 7.509333l-110.421333-80.213333a34.133333 34.133333 0 0 1-7.509334-47.786667l214.186667-295.253333L29.013333 489.813333a34.133333 34.133333 0 0 1-22.016-43.008l42.154667-129.877333a34.133333 34.133333 0 0 1 43.008-22.016l320.512 104.106667L412.672 51.2c0-18.773333 15.36-34.133333 34.133333-34.133333h136.533334z" />
      </svg>
    </strong>
  );
}

export function PlainForm(props: { label?: string; onSubmit?: () => void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit?.();
  };
  return (
    <form className="arco-form arco-form-vertical arco-form-size-default" aria-label={props.label} onSubmit={submit}>
      {props.children}
    </form>
  );
}

export interface FormFieldProps {
  label?: string;
  required?: boolean;
  /** The value is refused: the control is outlined in red and `help` says why. */
  invalid?: boolean;
  /** Under the control: why the value is refused, or a hint. */
  help?: ReactNode;
  /** Under the help, in a lighter colour: what the setting does. */
  extra?: ReactNode;
  children: ReactNode;
}

/** One field: its label, the control, then the help and the extra note, as Arco's Form.Item lays them out. */
export function FormField(props: FormFieldProps) {
  const classes = ['arco-form-item', 'arco-form-layout-vertical'];
  if (props.invalid === true) classes.push('arco-form-item-error', 'arco-form-item-status-error');
  if (props.help !== undefined) classes.push('arco-form-item-has-help');
  return (
    <div className={classes.join(' ')}>
      {props.label === undefined ? null : (
        <div className="arco-form-label-item">
          <label>
            {props.required === true ? <RequiredMark /> : null} {props.label}
          </label>
        </div>
      )}
      <div className="arco-form-item-wrapper">
        <div className="arco-form-item-control-wrapper">
          <div className="arco-form-item-control">
            <div className="arco-form-item-control-children">{props.children}</div>
          </div>
        </div>
        {props.help === undefined ? null : <div className="arco-form-message arco-form-message-help">{props.help}</div>}
        {props.extra === undefined ? null : <div className="arco-form-extra">{props.extra}</div>}
      </div>
    </div>
  );
}
