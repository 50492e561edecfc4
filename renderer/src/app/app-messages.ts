import { defineMessages } from '../i18n/define-messages';

/** The shell: title, loading, language, navigation, the demo banner, the notice of interrupted operations. */
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
  'nav.settings': { en: 'Settings', zh: '设置' },
  'notice.interrupted': {
    en: '{count, plural, one {# operation was} other {# operations were}} interrupted when the app last stopped. Open the history to resume {count, plural, one {it} other {them}} or to see what happened.',
    zh: '上次退出时有 {count} 个操作被中断。请打开历史继续操作或查看结果。',
  },
  'notice.openHistory': { en: 'Open history', zh: '打开历史' },
});
