import { Progress, type ProgressProps } from '@arco-design/web-react';

/**
 * Arco's line progress bar, named. Arco's own `role="progressbar"` element takes no name, so it is hidden from
 * screen readers and this labelled wrapper is the progress bar they read, with `valueText` as its spoken value.
 */
export function NamedProgress(props: Omit<ProgressProps, 'percent'> & { label: string; valueText: string; percent: number }) {
  const { label, valueText, percent, ...progressProps } = props;
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={valueText}>
      <Progress percent={percent} aria-hidden {...progressProps} />
    </div>
  );
}
