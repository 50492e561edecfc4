import { Input } from '@arco-design/web-react';
import type { RefInputType } from '@arco-design/web-react/es/Input';
import { IconSearch } from '@arco-design/web-react/icon';
import { memo, useCallback, useState, type RefObject } from 'react';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from './instance-table-store';
import './instance-toolbar.css';

/**
 * The search box. The typed text and the table's results change in the same render, so both reach the screen in
 * the frame after the key: filtering even 50,000 rows costs a few milliseconds, and deferring the table (as this box
 * once did) only moved its results to a later frame. Its own component so that a keystroke re-renders nothing else.
 */
export const InstanceSearchBox = memo(function InstanceSearchBox(props: { inputRef: RefObject<RefInputType | null> }) {
  const t = useT();
  const setQuery = useInstanceTableStore((state) => state.setQuery);
  // The box owns the text; the store follows it. Starting from the store's query keeps it across remounts.
  const [text, setText] = useState(() => useInstanceTableStore.getState().query);
  const onChange = useCallback(
    (value: string) => {
      setText(value);
      setQuery(value);
    },
    [setQuery],
  );

  return (
    <Input
      ref={props.inputRef}
      className="instances-search"
      allowClear
      prefix={<IconSearch aria-hidden="true" />}
      aria-label={t('instances.search.label')}
      placeholder={t('instances.search.placeholder')}
      value={text}
      onChange={onChange}
      data-testid="instances-search"
    />
  );
});
