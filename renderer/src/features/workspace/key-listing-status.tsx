import { Alert, Button, Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import { AppErrorAlert } from '../../common/app-error-alert';
import { format, formatTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useInventoryStore } from '../inventory/inventory-store';
import { workspaceFlow } from './workspace-flow';

/**
 * The chosen key pair's own listing, which Review waits for: how far it is, how many instances carry the key once
 * it is complete, or why it is not (with a way to list again). The key pairs' own failure shows here too.
 */
export const KeyListingStatus = memo(function KeyListingStatus() {
  const t = useT();
  const locale = useLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const listing = useInventoryStore((state) => state.keyListing);
  const keyPairs = useInventoryStore((state) => state.keyPairs);
  if (listing === null) return keyPairs.state === 'failed' ? <AppErrorAlert error={keyPairs.error} /> : null;
  const name = listing.keyPair.keyPairName;
  if (listing.state === 'listing') {
    const text =
      listing.totalCount === null
        ? format(t('workspace.keyListingStarting'), { name })
        : format(t('workspace.keyListing'), { name, received: number.format(listing.received), total: number.format(listing.totalCount) });
    return (
      <Typography.Text type="secondary" data-testid="key-listing" data-state="listing" role="status">
        {text}
      </Typography.Text>
    );
  }
  if (listing.state === 'complete') {
    const time = formatTime(listing.finishedAt ?? Date.now(), locale);
    return (
      <Typography.Text type="secondary" data-testid="key-listing" data-state="complete" role="status">
        {format(t('workspace.keyListed'), { count: number.format(listing.received), name, time })}
      </Typography.Text>
    );
  }
  return (
    <div className="workspace-key-listing" data-testid="key-listing" data-state="incomplete">
      <Alert
        type="warning"
        content={
          <span>
            {format(t('workspace.keyListingFailed'), { name })}{' '}
            <Button size="mini" type="primary" onClick={() => void workspaceFlow.chooseKeyPair(listing.keyPair)}>
              {t('workspace.keyListingAgain')}
            </Button>
          </span>
        }
      />
      {listing.error === null ? null : <AppErrorAlert error={listing.error} />}
    </div>
  );
});
