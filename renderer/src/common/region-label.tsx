import { memo } from 'react';
import { knownRegions } from '../../../shared/domain/known-regions';
import type { Locale } from '../../../shared/domain/locale';
import { CodeText } from './code-text';

/**
 * A region as a table shows it: its name, then its ID kept whole ("cn-beijing" never wraps at its hyphen). The
 * text is the same as `regionDisplayName`, so searches and tests that read it are unchanged.
 */
export const RegionLabel = memo(function RegionLabel(props: { regionId: string; locale: Locale }) {
  const known = knownRegions.find((region) => region.id === props.regionId);
  return (
    <span>
      {known === undefined ? null : `${known.name[props.locale]} `}
      <CodeText text={props.regionId} />
    </span>
  );
});
