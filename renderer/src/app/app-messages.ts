import { defineMessages } from '../i18n/define-messages';

/** The shell: title, loading, language, navigation, the demo banner. */
export const appMessages = defineMessages({
  'app.title': { en: 'KeyPair Desk', zh: 'KeyPair Desk' },
  'app.tagline': { en: 'Detach SSH key pairs from Volcengine ECS instances, safely and in bulk.', zh: '安全、批量地从火山引擎 ECS 实例解绑 SSH 密钥对。' },
  'app.loading': { en: 'Starting…', zh: '正在启动…' },
  'app.loadFailed': { en: 'KeyPair Desk could not start', zh: 'KeyPair Desk 无法启动' },
  'language.label': { en: 'Language', zh: '语言' },
  'language.system': { en: 'System', zh: '跟随系统' },
  'language.current': { en: 'Language: {name}', zh: '语言：{name}' },
  'nav.instances': { en: 'Instances', zh: '实例' },
  'nav.label': { en: 'Screens', zh: '页面' },
  'demo.banner': {
    en: 'Demo mode: the cloud is simulated on this computer. Nothing here touches Volcengine.',
    zh: '演示模式：云端由本机模拟，此处的任何操作都不会访问火山引擎。',
  },
  'nav.sweep': { en: 'Sweep all accounts', zh: '全账号清理' },
  'nav.history': { en: 'History', zh: '历史' },
  'nav.profiles': { en: 'Profiles', zh: '访问配置' },
});
