import type { Locale } from '../../../shared/domain/locale';

const en = {
  'app.title': 'KeyPair Desk',
  'app.tagline': 'Detach SSH key pairs from Volcengine ECS instances, safely and in bulk.',
  'app.loading': 'Starting…',
  'app.loadFailed': 'KeyPair Desk could not start',
  'language.label': 'Language',
  'language.system': 'System',
  'welcome.title': 'Add your Volcengine credentials to begin',
  'welcome.body':
    'KeyPair Desk signs every request itself. Your Secret AccessKey goes straight into the system keychain and never appears on screen, in a log or in a file.',
  'welcome.addCredentials': 'Add credentials',
  'welcome.importCli': 'Import from the Volcengine CLI',
  'welcome.step.credentials': 'Add credentials',
  'welcome.step.instances': 'Choose a region and instances',
  'welcome.step.detach': 'Review and detach',
  'keychain.checking': 'Checking the system keychain…',
  'keychain.ready.secret-service': 'Secrets will be stored in the system keychain (Secret Service).',
  'keychain.ready.macos-keychain': 'Secrets will be stored in the macOS Keychain.',
  'keychain.ready.windows-credential-manager': 'Secrets will be stored in the Windows Credential Manager.',
  'keychain.unavailable': 'The system keychain is not available',
  'keychain.retry': 'Check again',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.title': 'KeyPair Desk',
  'app.tagline': '安全、批量地从火山引擎 ECS 实例解绑 SSH 密钥对。',
  'app.loading': '正在启动…',
  'app.loadFailed': 'KeyPair Desk 无法启动',
  'language.label': '语言',
  'language.system': '跟随系统',
  'welcome.title': '添加火山引擎访问密钥以开始使用',
  'welcome.body': 'KeyPair Desk 自行为每个请求签名。Secret AccessKey 直接存入系统密钥环，不会出现在屏幕、日志或任何文件中。',
  'welcome.addCredentials': '添加访问密钥',
  'welcome.importCli': '从火山引擎 CLI 导入',
  'welcome.step.credentials': '添加访问密钥',
  'welcome.step.instances': '选择地域和实例',
  'welcome.step.detach': '确认并解绑',
  'keychain.checking': '正在检查系统密钥环…',
  'keychain.ready.secret-service': '密钥将保存在系统密钥环（Secret Service）中。',
  'keychain.ready.macos-keychain': '密钥将保存在 macOS 钥匙串中。',
  'keychain.ready.windows-credential-manager': '密钥将保存在 Windows 凭据管理器中。',
  'keychain.unavailable': '系统密钥环不可用',
  'keychain.retry': '重新检查',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { 'en-US': en, 'zh-CN': zh };
