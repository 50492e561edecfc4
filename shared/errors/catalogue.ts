import type { Locale } from '../domain/locale';
import type { AppErrorCode } from './error-codes';

/** What the user reads for an error: what happened, and what to do about it. */
export interface ErrorText {
  title: string;
  action: string;
}

export interface CatalogueEntry {
  /** Whether sending the same request again may succeed without the user changing anything. */
  retryable: boolean;
  text: Record<Locale, ErrorText>;
}

/**
 * The app's own errors in both languages. Keyed by `AppErrorCode`, so a new code does not compile until it is
 * explained here.
 */
export const appErrorCatalogue: Record<AppErrorCode, CatalogueEntry> = {
  IPC_VALIDATION_FAILED: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求内容无效', action: '请检查输入的内容后重试；如果问题持续，请重启应用。' },
      'en-US': { title: 'The request was not valid', action: 'Check what you entered and try again; if it persists, restart the app.' },
    },
  },
  IPC_UNKNOWN_CHANNEL: {
    retryable: false,
    text: {
      'zh-CN': { title: '应用内部请求未知', action: '界面与后台版本不一致，请重启应用。' },
      'en-US': { title: 'Unknown internal request', action: 'The window and the app core are out of step: restart the app.' },
    },
  },
  IPC_FORBIDDEN_SENDER: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求来源不受信任，已拒绝', action: '只有 KeyPair Desk 自己的窗口可以发出请求。请重启应用。' },
      'en-US': { title: 'Request refused: it did not come from the app window', action: "Only KeyPair Desk's own window may make requests. Restart the app." },
    },
  },
  IPC_BAD_RESPONSE: {
    retryable: false,
    text: {
      'zh-CN': { title: '应用返回了意外的数据', action: '这是应用的缺陷，请重启应用并报告此问题。' },
      'en-US': { title: 'The app produced an unexpected answer', action: 'This is a bug: restart the app and report it.' },
    },
  },
  INTERNAL: {
    retryable: false,
    text: {
      'zh-CN': { title: '发生内部错误', action: '请重试；如果问题持续，请重启应用并报告此问题。' },
      'en-US': { title: 'Something went wrong inside the app', action: 'Try again; if it persists, restart the app and report it.' },
    },
  },
  SETTINGS_UNREADABLE: {
    retryable: false,
    text: {
      'zh-CN': { title: '设置文件无法读取', action: '已将损坏的文件另存，并使用默认设置。请重新选择你的偏好。' },
      'en-US': { title: 'The settings file could not be read', action: 'It was set aside and defaults are in use: choose your preferences again.' },
    },
  },
  KEYCHAIN_NO_DBUS: {
    retryable: false,
    text: {
      'zh-CN': { title: '无法连接 D-Bus 会话总线', action: '请在图形桌面会话中启动 KeyPair Desk，或确认 dbus 已安装并已启动会话总线。' },
      'en-US': { title: 'No D-Bus session bus', action: 'Start KeyPair Desk from a desktop session, or install dbus and make sure a session bus is running.' },
    },
  },
  KEYCHAIN_NO_SECRET_SERVICE: {
    retryable: false,
    text: {
      'zh-CN': { title: '没有可用的密钥环服务', action: '请安装并启动 Secret Service，例如 GNOME Keyring（gnome-keyring）或 KWallet，然后重试。' },
      'en-US': { title: 'No keychain service is running', action: 'Install and start a Secret Service such as GNOME Keyring (gnome-keyring) or KWallet, then try again.' },
    },
  },
  KEYCHAIN_LOCKED: {
    retryable: true,
    text: {
      'zh-CN': { title: '密钥环已锁定', action: '请在系统中解锁密钥环（通常输入登录密码即可），然后重试。' },
      'en-US': { title: 'The keychain is locked', action: 'Unlock your keychain (usually with your login password), then try again.' },
    },
  },
  KEYCHAIN_ACCESS_DENIED: {
    retryable: true,
    text: {
      'zh-CN': { title: '系统拒绝访问密钥环', action: '请在系统提示时允许 KeyPair Desk 访问密钥环，然后重试。' },
      'en-US': { title: 'Access to the keychain was denied', action: 'Allow KeyPair Desk to use the keychain when the system asks, then try again.' },
    },
  },
  KEYCHAIN_MODULE_MISSING: {
    retryable: false,
    text: {
      'zh-CN': { title: '密钥环组件缺失', action: '应用的密钥环模块（keytar）未能加载。请重新安装 KeyPair Desk；在 Linux 上还需安装 libsecret。' },
      'en-US': { title: 'The keychain component is missing', action: "The app's keychain module (keytar) did not load. Reinstall KeyPair Desk; on Linux also install libsecret." },
    },
  },
  KEYCHAIN_FAILED: {
    retryable: true,
    text: {
      'zh-CN': { title: '密钥环操作失败', action: '请重试；如果问题持续，请检查系统的密钥环服务。' },
      'en-US': { title: 'The keychain operation failed', action: "Try again; if it persists, check your system's keychain service." },
    },
  },
};

export function describeAppError(code: AppErrorCode, locale: Locale): ErrorText {
  return appErrorCatalogue[code].text[locale];
}
