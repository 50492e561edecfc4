import type { Locale } from '../domain/locale';
import type { AppErrorCode } from './error-codes';

/** What the user reads for an error: what happened, and what to do about it. */
export interface ErrorText {
  title: string;
  action: string;
}

export interface CatalogueEntry {
  /**
   * Whether sending the same request again may succeed without the user changing anything: for ECS errors, the one
   * definition both the client's automatic retries (electron/volcengine/retry-policy.ts) and "Run again" read.
   */
  retryable: boolean;
  text: Record<Locale, ErrorText>;
}

/**
 * The app's own errors in both languages. Keyed by `AppErrorCode`, so a new code does not compile until it is
 * explained here. They carry no `retryable` flag: nothing retries an app error by itself, the user reads what to do.
 */
const appErrorCatalogue: Record<AppErrorCode, Pick<CatalogueEntry, 'text'>> = {
  IPC_VALIDATION_FAILED: {
    text: {
      'zh-CN': { title: '请求内容无效', action: '请检查输入的内容后重试；如果问题持续，请重启应用。' },
      'en-US': { title: 'The request was not valid', action: 'Check what you entered and try again; if it persists, restart the app.' },
    },
  },
  IPC_UNKNOWN_CHANNEL: {
    text: {
      'zh-CN': { title: '应用内部请求未知', action: '界面与后台版本不一致，请重启应用。' },
      'en-US': { title: 'Unknown internal request', action: 'The window and the app core are out of step: restart the app.' },
    },
  },
  IPC_FORBIDDEN_SENDER: {
    text: {
      'zh-CN': { title: '请求来源不受信任，已拒绝', action: '只有 KeyPair Desk 自己的窗口可以发出请求。请重启应用。' },
      'en-US': { title: 'Request refused: it did not come from the app window', action: "Only KeyPair Desk's own window may make requests. Restart the app." },
    },
  },
  IPC_BAD_RESPONSE: {
    text: {
      'zh-CN': { title: '应用返回了意外的数据', action: '这是应用的缺陷，请重启应用并报告此问题。' },
      'en-US': { title: 'The app produced an unexpected answer', action: 'This is a bug: restart the app and report it.' },
    },
  },
  INTERNAL: {
    text: {
      'zh-CN': { title: '发生内部错误', action: '请重试；如果问题持续，请重启应用并报告此问题。' },
      'en-US': { title: 'Something went wrong inside the app', action: 'Try again; if it persists, restart the app and report it.' },
    },
  },
  SETTINGS_UNREADABLE: {
    text: {
      'zh-CN': { title: '设置文件无法读取', action: '已将损坏的文件另存，并使用默认设置。请重新选择你的偏好。' },
      'en-US': { title: 'The settings file could not be read', action: 'It was set aside and defaults are in use: choose your preferences again.' },
    },
  },
  KEYCHAIN_NO_DBUS: {
    text: {
      'zh-CN': { title: '无法连接 D-Bus 会话总线', action: '请在图形桌面会话中启动 KeyPair Desk，或确认 dbus 已安装并已启动会话总线。' },
      'en-US': { title: 'No D-Bus session bus', action: 'Start KeyPair Desk from a desktop session, or install dbus and make sure a session bus is running.' },
    },
  },
  KEYCHAIN_NO_SECRET_SERVICE: {
    text: {
      'zh-CN': { title: '没有可用的密钥环服务', action: '请安装并启动 Secret Service，例如 GNOME Keyring（gnome-keyring）或 KWallet，然后重试。' },
      'en-US': { title: 'No keychain service is running', action: 'Install and start a Secret Service such as GNOME Keyring (gnome-keyring) or KWallet, then try again.' },
    },
  },
  KEYCHAIN_LOCKED: {
    text: {
      'zh-CN': { title: '密钥环已锁定', action: '请在系统中解锁密钥环（通常输入登录密码即可），然后重试。' },
      'en-US': { title: 'The keychain is locked', action: 'Unlock your keychain (usually with your login password), then try again.' },
    },
  },
  KEYCHAIN_ACCESS_DENIED: {
    text: {
      'zh-CN': { title: '系统拒绝访问密钥环', action: '请在系统提示时允许 KeyPair Desk 访问密钥环，然后重试。' },
      'en-US': { title: 'Access to the keychain was denied', action: 'Allow KeyPair Desk to use the keychain when the system asks, then try again.' },
    },
  },
  KEYCHAIN_MODULE_MISSING: {
    text: {
      'zh-CN': { title: '密钥环组件缺失', action: '应用的密钥环模块（keytar）未能加载。请重新安装 KeyPair Desk；在 Linux 上还需安装 libsecret。' },
      'en-US': { title: 'The keychain component is missing', action: "The app's keychain module (keytar) did not load. Reinstall KeyPair Desk; on Linux also install libsecret." },
    },
  },
  KEYCHAIN_FAILED: {
    text: {
      'zh-CN': { title: '密钥环操作失败', action: '请重试；如果问题持续，请检查系统的密钥环服务。' },
      'en-US': { title: 'The keychain operation failed', action: "Try again; if it persists, check your system's keychain service." },
    },
  },
  CREDENTIALS_MISSING: {
    text: {
      'zh-CN': { title: '密钥环中找不到此访问配置的密钥', action: '密钥可能已在系统密钥环中被删除。请编辑此访问配置，重新输入 AccessKey ID 和 Secret Access Key。' },
      'en-US': { title: "This profile's secret is not in the keychain", action: 'It may have been removed from the system keychain. Edit the profile and enter the AccessKey ID and Secret Access Key again.' },
    },
  },
  PROFILE_NOT_FOUND: {
    text: {
      'zh-CN': { title: '配置不存在', action: '它可能已被删除。请刷新配置列表。' },
      'en-US': { title: 'The profile does not exist', action: 'It may have been deleted. Refresh the list of profiles.' },
    },
  },
  PROFILE_NAME_TAKEN: {
    text: {
      'zh-CN': { title: '已有同名配置', action: '请换一个名称，例如加上环境名（prod、staging）。' },
      'en-US': { title: 'A profile with this name already exists', action: 'Choose another name, for example with the environment in it (prod, staging).' },
    },
  },
  PROFILES_FILE_SET_ASIDE: {
    text: {
      'zh-CN': { title: '配置列表文件已损坏，已另存', action: '原文件已保留以便恢复，密钥仍在系统密钥环中。请重新添加或导入配置。' },
      'en-US': { title: 'The profiles file was damaged and has been set aside', action: 'The old file is kept for recovery and the secrets are still in the keychain. Add or import your profiles again.' },
    },
  },
  IMPORT_SOURCE_GONE: {
    text: {
      'zh-CN': { title: '要导入的配置已不在原处', action: 'CLI 配置文件或环境变量在扫描后发生了变化。请重新扫描后再导入。' },
      'en-US': { title: 'The profile to import is no longer there', action: 'The CLI config file or the environment changed after the scan. Scan again, then import.' },
    },
  },
  IMPORT_NOT_IMPORTABLE: {
    text: {
      'zh-CN': { title: '此配置无法导入', action: '它没有完整的 AccessKey（或格式无效、缺少地域）。请改为手动添加配置。' },
      'en-US': { title: 'This profile cannot be imported', action: 'It lacks a complete access key (or its keys or region are not valid). Add the profile by hand instead.' },
    },
  },
  CLOUD_REQUEST_FAILED: {
    text: {
      'zh-CN': { title: '请求火山引擎失败', action: '请查看下方的具体原因；网络问题可稍后重试。' },
      'en-US': { title: 'The request to Volcengine failed', action: 'See the reason below; for network problems, try again later.' },
    },
  },
  INVENTORY_NOT_LOADED: {
    text: {
      'zh-CN': { title: '尚未完整列出绑定该密钥对的实例', action: '请等待该密钥对的实例列举完成（或刷新），再制定计划。计划只依据刚从火山引擎读取的数据。' },
      'en-US': {
        title: 'The instances bound to this key pair are not all listed yet',
        action: 'Wait until the listing of the key pair finishes (or refresh), then make the plan. Plans rest only on what was just read from Volcengine.',
      },
    },
  },
  INVENTORY_CACHE_SET_ASIDE: {
    text: {
      'zh-CN': { title: '本机保存的实例列表已损坏或已过时，已另存', action: '不影响使用：正在从火山引擎重新列举该地域；列举完成后会保存新的副本。' },
      'en-US': {
        title: 'The copy of this region kept on this computer was damaged or outdated and has been set aside',
        action: 'Nothing is lost: the region is being listed again from Volcengine, and a new copy is kept once that listing completes.',
      },
    },
  },
  PLAN_NOT_FOUND: {
    text: {
      'zh-CN': { title: '计划已失效', action: '计划只在制定它的会话中有效，且只能执行一次。请重新预览并制定计划。' },
      'en-US': { title: 'The plan is no longer valid', action: 'A plan is valid once, in the session that made it. Review the selection and make the plan again.' },
    },
  },
  PLAN_CONFIRMATION_MISMATCH: {
    text: {
      'zh-CN': { title: '确认文字不匹配', action: '请准确输入密钥对名称以确认。' },
      'en-US': { title: 'The confirmation does not match', action: "Type the key pair's name exactly to confirm." },
    },
  },
  PLAN_EMPTY: {
    text: {
      'zh-CN': { title: '没有可以操作的实例', action: '所选实例都不满足条件（见排除原因）。请调整选择。' },
      'en-US': { title: 'No instance can take part', action: 'Every selected instance was excluded (see the reasons). Change the selection.' },
    },
  },
  PLAN_STALE: {
    text: {
      'zh-CN': {
        title: '该计划已过期：部分实例的密钥对在计划制定后被更改',
        action: '在此计划制定之后，另一个解绑或绑定操作更改了其中一些实例的密钥对，该计划依据的信息已不再准确，因此没有发送任何请求。请关闭预览，重新制定计划。',
      },
      'en-US': {
        title: 'This plan is out of date: keys of some of its instances changed after it was made',
        action: 'A detach or an attach was started on some of these instances after this plan was made, so what the plan was judged by may no longer hold. Nothing was sent. Close the review and make the plan again.',
      },
    },
  },
  OPERATION_NOT_FOUND: {
    text: {
      'zh-CN': { title: '找不到该操作', action: '请在历史记录中查看。' },
      'en-US': { title: 'The operation was not found', action: 'Look for it in the history.' },
    },
  },
  OPERATION_NOT_RESUMABLE: {
    text: {
      'zh-CN': { title: '该操作无法继续', action: '只有被中断（应用意外退出）的操作可以继续；正在运行或已结束的操作不能。' },
      'en-US': { title: 'This operation cannot be resumed', action: 'Only an interrupted operation (the app stopped during it) can be resumed, not one that is running or has ended.' },
    },
  },
  OPERATION_INSTANCES_BUSY: {
    text: {
      'zh-CN': { title: '部分实例正在被另一个操作更改', action: '同一台实例同一时间只能由一个操作更改。请等该操作结束（或停止它）后再试；该操作结束后，请刷新实例列表再制定计划。' },
      'en-US': {
        title: 'Some of these instances are being changed by another operation',
        action: 'An instance is changed by one operation at a time. Wait until that operation ends (or stop it), then try again; refresh the instance list before planning again.',
      },
    },
  },
  EXPOSURE_NOT_A_DETACH: {
    text: {
      'zh-CN': { title: '只有解绑密钥对的操作才能检查密钥仍在哪些实例上生效', action: '请打开一次解绑操作再检查。' },
      'en-US': { title: 'Only a detach can be checked for where its key still works', action: 'Open a detach operation and check it.' },
    },
  },
  UNDO_NOT_POSSIBLE: {
    text: {
      'zh-CN': {
        title: '该操作无法撤销',
        action: '只有已结束、且成功解绑了至少一台实例的解绑操作可以撤销（重新绑定同一个密钥对）。仍在运行或已中断的解绑，请等待其结束，或先继续或放弃它。',
      },
      'en-US': {
        title: 'This operation cannot be undone',
        action: 'Only a detach that has ended and took the key off at least one instance can be undone (the same key pair attached again). A detach still running or interrupted: wait for it to end, or resume or abandon it first.',
      },
    },
  },
  JOURNAL_UNAVAILABLE: {
    text: {
      'zh-CN': { title: '无法读取操作日志', action: '请检查用户数据目录的磁盘空间和权限，然后重启应用。在日志可写之前，不会发送任何更改。' },
      'en-US': { title: 'The operation journal cannot be read', action: "Check the disk space and permissions of the app's data folder, then restart the app. No change is sent until the journal can be written." },
    },
  },
  SWEEP_NOT_FOUND: {
    text: {
      'zh-CN': { title: '搜索结果已失效', action: '请重新在所有地域搜索该密钥对，再制定计划。' },
      'en-US': { title: 'The search results are no longer valid', action: 'Search all regions for the key pair again, then make the plan.' },
    },
  },
  SWEEP_PARTS_OVERLAP: {
    text: {
      'zh-CN': {
        title: '两个配置指向同一个账号',
        action: '同一批实例出现在两个配置的计划里，说明这两个配置使用的是同一个账号的密钥。请每个账号只选一个配置，重新搜索后再制定计划。',
      },
      'en-US': {
        title: 'Two profiles reach the same account',
        action: 'The same instances are in the plan of two profiles, so both use keys of one account. Choose one profile per account, search again, then make the plan.',
      },
    },
  },
  DEMO_SIMULATOR_ONLY: {
    text: {
      'zh-CN': { title: '演示只连接内置的模拟云', action: '网页演示不会访问真实的接入地址：请保留演示配置的模拟器地址。要管理真实的云，请安装桌面应用。' },
      'en-US': { title: 'The demo reaches only its simulated cloud', action: "The web demo never calls a real endpoint: keep the demo profile's simulator address. Install the desktop app to manage a real cloud." },
    },
  },
};

/**
 * The words for an app error. A code this build does not know (a renderer older than its main, as after a partial
 * rebuild in development) reads as INTERNAL rather than taking the screen down.
 */
export function describeAppError(code: AppErrorCode, locale: Locale): ErrorText {
  return (appErrorCatalogue[code] ?? appErrorCatalogue.INTERNAL).text[locale];
}
