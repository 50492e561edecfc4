import { defineMessages } from '../../i18n/define-messages';

/** The first screen, and what it says about the system keychain. */
export const welcomeMessages = defineMessages({
  'welcome.title': { en: 'Add a Volcengine profile to begin', zh: '添加火山引擎访问配置以开始使用' },
  'welcome.body': {
    en: 'A profile holds a Volcengine AccessKey ID and Secret Access Key. KeyPair Desk signs every request itself; the Secret Access Key goes straight into the system keychain and never appears on screen, in a log or in a file.',
    zh: '访问配置保存火山引擎的 AccessKey ID 和 Secret Access Key。KeyPair Desk 自行为每个请求签名；Secret Access Key 直接存入系统密钥环，不会出现在屏幕、日志或任何文件中。',
  },
  'welcome.addCredentials': { en: 'Add a profile', zh: '添加访问配置' },
  'welcome.importCli': { en: 'Import from the Volcengine CLI', zh: '从火山引擎 CLI 导入' },
  'welcome.step.credentials': { en: 'Add a profile', zh: '添加访问配置' },
  'welcome.step.instances': { en: 'Choose a region and instances', zh: '选择地域和实例' },
  'welcome.step.detach': { en: 'Review and detach', zh: '预览并解绑' },
  'keychain.checking': { en: 'Checking the system keychain…', zh: '正在检查系统密钥环…' },
  'keychain.ready.secret-service': {
    en: 'Secrets will be stored in the system keychain (Secret Service).',
    zh: '密钥将保存在系统密钥环（Secret Service）中。',
  },
  'keychain.ready.macos-keychain': { en: 'Secrets will be stored in the macOS Keychain.', zh: '密钥将保存在 macOS 钥匙串中。' },
  'keychain.ready.windows-credential-manager': {
    en: 'Secrets will be stored in the Windows Credential Manager.',
    zh: '密钥将保存在 Windows 凭据管理器中。',
  },
  'keychain.unavailable': { en: 'The system keychain is not available', zh: '系统密钥环不可用' },
  'keychain.retry': { en: 'Check again', zh: '重新检查' },
});
