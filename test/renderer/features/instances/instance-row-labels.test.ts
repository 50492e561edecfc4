import { describe, expect, it } from 'vitest';
import { format } from '../../../../renderer/src/i18n/format';
import { messages } from '../../../../renderer/src/i18n/messages';
import { rowLabelsOf } from '../../../../renderer/src/features/instances/instance-row-labels';

describe('instance row labels', () => {
  it('fill the checkbox and copy labels as format does, in both languages', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const labels = rowLabelsOf(locale, null);
      expect(labels.selectRow('web-prod-12')).toBe(format(messages[locale]['instances.selectRow'], { name: 'web-prod-12' }));
      expect(labels.copyId('i-abc123')).toBe(format(messages[locale]['instances.copyId'], { id: 'i-abc123' }));
      expect(labels.t('instances.noKeyPair')).toBe(messages[locale]['instances.noKeyPair']);
    }
  });

  it('keep a name that looks like a placeholder or a replacement pattern as it is', () => {
    expect(rowLabelsOf('en-US', null).selectRow('{name} $& $1')).toBe('Select {name} $& $1');
  });

  it('say why no row can be selected yet, by what the selection waits for', () => {
    expect(rowLabelsOf('en-US', 'choose-key-pair').waitHint).toBe(messages['en-US']['instances.chooseKeyPairFirst']);
    expect(rowLabelsOf('en-US', 'key-listing').waitHint).toBe(messages['en-US']['instances.waitKeyListing']);
    expect(rowLabelsOf('zh-CN', 'key-listing-incomplete').waitHint).toBe(messages['zh-CN']['instances.keyListingIncomplete']);
  });
});
