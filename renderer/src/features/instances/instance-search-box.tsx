import { Input } from '@arco-design/web-react';
import type { RefInputType } from '@arco-design/web-react/es/Input';
import { IconSearch } from '@arco-design/web-react/icon';
import { memo, useDeferredValue, useLayoutEffect, useState, type RefObject } from 'react';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from '../../stores/instance-table-store';

/**
 * The search box. It answers every keystroke at once; the store (and so the table) follows a deferred copy of
 * the text, so typing never waits for filtering. Its own component so that a keystroke re-renders nothing else.
 */
export const InstanceSearchBox = memo(function InstanceSearchBox(props: { inputRef: RefObject<RefInputType | null> }) {
  const t = useT();
  const setQuery = useInstanceTableStore((state) => state.setQuery);
  // The box owns the text; the store follows it. Starting from the store's query keeps it across remounts.
  const [text, setText] = useState(() => useInstanceTableStore.getState().query);
  const deferredText = useDeferredValue(text);
  // A layout effect, not a passive one: after a deferred commit a passive effect may wait until the next frame,
  // which would show the filtered table a frame late.
  useLayoutEffect(() => setQuery(deferredText), [deferredText, setQuery]);

  return (
    <Input
      ref={props.inputRef}
      className="instances-search"
      allowClear
      prefix={<IconSearch aria-hidden="true" />}
      aria-label={t('instances.search.label')}
      placeholder={t('instances.search.placeholder')}
      value={text}
      onChange={setText}
      data-testid="instances-search"
    />
  );
});
