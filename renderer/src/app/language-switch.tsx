import { Select } from '@arco-design/web-react';
import { IconLanguage } from '@arco-design/web-react/icon';
import { memo } from 'react';
import type { LanguageSetting } from '../../../shared/domain/settings';
import { format } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useAppStore } from './app-store';

/**
 * Language names are written in their own language, so anyone can find theirs whatever is showing now. The closed
 * control says what it is ("Language: System"), so it is not mistaken for the theme, which also offers "System".
 */
export const LanguageSwitch = memo(function LanguageSwitch() {
  const t = useT();
  const language = useAppStore((state) => state.settings?.language ?? 'system');
  const updateSettings = useAppStore((state) => state.updateSettings);
  const options: Array<{ label: string; value: LanguageSetting }> = [
    { label: t('language.system'), value: 'system' },
    { label: '简体中文', value: 'zh-CN' },
    { label: 'English', value: 'en-US' },
  ];
  return (
    <Select
      aria-label={t('language.label')}
      size="small"
      style={{ width: 190 }}
      data-testid="language-switch"
      renderFormat={(_option, value) => format(t('language.current'), { name: options.find((option) => option.value === value)?.label ?? '' })}
      prefix={<IconLanguage aria-hidden />}
      value={language}
      onChange={(language: LanguageSetting) => void updateSettings({ language })}
      options={options}
    />
  );
});
