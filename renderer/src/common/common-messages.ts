import { defineMessages } from '../i18n/define-messages';

/** Words every screen uses: buttons, punctuation that differs by language. */
export const commonMessages = defineMessages({
  // A form field's value main would refuse (the profile and settings forms).
  'form.invalid': { en: 'Check this field', zh: '请检查此项' },
  'common.cancel': { en: 'Cancel', zh: '取消' },
  'common.save': { en: 'Save', zh: '保存' },
  'common.close': { en: 'Close', zh: '关闭' },
  'common.closeDialog': { en: 'Close dialog', zh: '关闭对话框' },
  'common.optional': { en: 'optional', zh: '可选' },
  'common.requestId': { en: 'Request ID', zh: '请求 ID' },
  'common.colon': { en: ': ', zh: '：' },
  'common.listSeparator': { en: ', ', zh: '、' },
  'table.expandColumn': { en: 'Details', zh: '详情' },
  'common.inParentheses': { en: ' ({text})', zh: '（{text}）' },
  // Said by every screen that exports (use-save-export.ts); the key is older than that.
  'workspace.exported': { en: 'Saved to {path}', zh: '已保存到 {path}' },
});
