import { Empty } from '@arco-design/web-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { outcomeDetail } from '../../../../shared/domain/outcome-counts';
import type { Locale } from '../../../../shared/domain/locale';
import type { InstanceBrief } from '../../../../shared/domain/operation';
import { describeEcsError, isAppOwnEcsCode } from '../../../../shared/errors/ecs-error-catalogue';
import { ErrorCode } from '../../common/error-code';
import { useLocale, useT } from '../../i18n/use-t';
import { outcomeRequestId } from './outcome-facts';
import { OutcomeTag } from './outcome-tag';
import './outcome-table.css';

/** A first guess for rows not yet measured; rows with a long explanation are measured and grow. */
const estimatedRowHeight = 60;

interface OutcomeRowProps {
  outcome: InstanceOutcome;
  /** Its name and private IP as read when planned; absent for an operation from an older journal. */
  brief: InstanceBrief | undefined;
  index: number;
  start: number;
  locale: Locale;
  causeLabel: string;
  ref: (element: Element | null) => void;
}

function OutcomeRow({ outcome, brief, index, start, locale, causeLabel, ref }: OutcomeRowProps) {
  const error = outcomeDetail(outcome);
  const text = error === null ? null : describeEcsError(error.code, locale);
  // "Still failing after several attempts" says to look at the last error: its explanation is the useful one.
  const causeText = error?.cause === undefined ? null : describeEcsError(error.cause.code, locale);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="operation-table-row operation-table-body-row"
      data-index={index}
      data-testid="outcome-row"
      data-status={outcome.status}
      ref={ref}
      style={{ transform: `translateY(${start}px)` }}
    >
      <div role="cell" className="operation-cell-instance">
        <div className="operation-cell-mono">{outcome.instanceId}</div>
        {brief === undefined || (brief.instanceName === '' && brief.privateIp === null) ? null : (
          <div className="muted operation-instance-facts" data-testid="outcome-instance-facts">
            {brief.instanceName === '' ? null : <span className="operation-instance-name">{brief.instanceName}</span>}
            {brief.privateIp === null ? null : <span className="operation-cell-mono">{brief.privateIp}</span>}
          </div>
        )}
      </div>
      <div role="cell">
        <OutcomeTag status={outcome.status} />
      </div>
      <div role="cell" className="operation-cell-code">
        {error === null ? '' : <ErrorCode code={error.code} locale={locale} />}
        {error?.cause === undefined ? null : (
          <div className="muted">
            {causeLabel} <ErrorCode code={error.cause.code} locale={locale} />
          </div>
        )}
      </div>
      <div role="cell">
        {text === null || error === null ? null : (
          <>
            {/* The app's own codes are already named in words beside the code. */}
            {isAppOwnEcsCode(error.code) ? null : <div className="operation-explanation-title">{text.title}</div>}
            <div className="operation-explanation-action">{text.action}</div>
            {causeText === null ? null : (
              <div className="operation-explanation-cause">
                <div className="operation-explanation-title">
                  {causeLabel} {causeText.title}
                </div>
                <div className="operation-explanation-action">{causeText.action}</div>
              </div>
            )}
            {error === null || error.message === '' ? null : (
              <div className="muted operation-explanation-message" title={error.message}>
                {error.message}
              </div>
            )}
          </>
        )}
      </div>
      <div role="cell" className="operation-cell-mono">
        {outcomeRequestId(outcome) ?? ''}
      </div>
    </div>
  );
}

/**
 * Every instance's outcome, however many: only the rows in view are in the page (an ARIA table, so the row count
 * and positions are still announced).
 */
export function OutcomeTable(props: { outcomes: readonly InstanceOutcome[]; instances: ReadonlyMap<string, InstanceBrief>; label: string }) {
  const t = useT();
  const locale = useLocale();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { outcomes } = props;
  // TanStack Virtual keeps its own state outside React; the component is not memoised by the compiler, which is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: outcomes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 10,
    getItemKey: (index) => outcomes[index]?.instanceId ?? index,
  });
  const headers = [
    t('operation.results.col.instance'),
    t('operation.results.col.outcome'),
    t('operation.results.col.code'),
    t('operation.results.col.explanation'),
    t('common.requestId'),
  ];

  return (
    <div role="table" aria-label={props.label} aria-rowcount={outcomes.length + 1} className="operation-table" data-testid="outcome-table">
      <div role="rowgroup" className="operation-table-head">
        <div role="row" aria-rowindex={1} className="operation-table-row">
          {headers.map((header) => (
            <div role="columnheader" key={header}>
              {header}
            </div>
          ))}
        </div>
      </div>
      {outcomes.length === 0 ? (
        <Empty description={t('operation.results.noMatch')} />
      ) : (
        // The scroller is the rows' group: a table may hold only row groups and rows, and it must be focusable so
        // that the keyboard can scroll it.
        <div ref={scrollRef} role="rowgroup" className="operation-table-scroll" tabIndex={0}>
          <div className="operation-table-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const outcome = outcomes[item.index];
              return outcome === undefined ? null : (
                <OutcomeRow
                  key={item.key}
                  outcome={outcome}
                  brief={props.instances.get(outcome.instanceId)}
                  index={item.index}
                  start={item.start}
                  locale={locale}
                  causeLabel={t('operation.results.cause')}
                  ref={virtualizer.measureElement}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
