import { defineMessages } from '../../i18n/define-messages';
import { featureTranslator } from '../../i18n/feature-t';

/** The settings drawer. */
export const settingsMessages = defineMessages({
  'settings.title': { en: 'Settings', zh: '设置' },
  'settings.theme': { en: 'Theme', zh: '主题' },
  'settings.theme.system': { en: 'System', zh: '跟随系统' },
  'settings.theme.light': { en: 'Light', zh: '浅色' },
  'settings.theme.dark': { en: 'Dark', zh: '深色' },
  'settings.proxy': { en: 'Proxy', zh: '代理' },
  'settings.proxy.environment': { en: 'From the HTTPS_PROXY and NO_PROXY variables', zh: '使用环境变量 HTTPS_PROXY 和 NO_PROXY' },
  'settings.proxy.direct': { en: 'No proxy', zh: '不使用代理' },
  'settings.proxy.custom': { en: 'This proxy', zh: '使用指定代理' },
  'settings.proxyUrl': { en: 'Proxy address', zh: '代理地址' },
  'settings.proxyUrlPlaceholder': { en: 'http://proxy.example.com:3128', zh: 'http://proxy.example.com:3128' },
  'settings.concurrency': { en: 'Requests at once', zh: '并发请求数' },
  'settings.concurrencyHelp': { en: 'How many requests of a bulk operation are in flight at once (1 to 10).', zh: '批量操作同时发出的请求数（1 到 10）。' },
  'settings.changeRate': { en: 'Change requests per second', zh: '每秒变更请求数' },
  'settings.changeRateHelp': {
    en: "Detach and reboot requests, retries included, are spread out to this rate (1 to 100), to stay under the account's flow limit.",
    zh: '解绑和重启请求（含重试）按此速率均匀发出（1 到 100），以免超过账号的流控限制。',
  },
  'settings.readRate': { en: 'Read requests per second', zh: '每秒读取请求数' },
  'settings.readRateHelp': {
    en: 'Listing requests of one profile, retries included, are spread out to this rate (1 to 100); the instances of a chosen key pair go first.',
    zh: '同一访问配置的列举请求（含重试）按此速率发出（1 到 100）；已选密钥对的实例优先列举。',
  },
  'settings.zonesAtOnce': { en: 'Zones listed at once', zh: '同时列举的可用区数' },
  'settings.zonesAtOnceHelp': {
    en: 'A region is listed zone by zone, this many side by side (1 to 10).',
    zh: '地域按可用区列举，同时并行这么多个（1 到 10）。',
  },
  'settings.keepCache': { en: 'Keep the last inventory on this computer', zh: '在本机保存上次的实例列表' },
  'settings.keepCacheHelp': {
    en: 'Shows a region at once, marked with its time, while it is listed again. Nothing is ever planned from it; it holds no secret.',
    zh: '再次打开地域时立即显示（标注其时间），同时重新列举。计划从不依据它制定；其中不含任何密钥。',
  },
  'settings.forgetCache': { en: 'Forget cached inventories', zh: '清除保存的实例列表' },
  'settings.cacheForgotten': {
    en: 'Deleted the lists kept for {count, plural, one {# region} other {# regions}}.',
    zh: '已清除 {count} 个地域保存的列表。',
  },
  'settings.cacheForgetFailed': { en: 'The kept lists could not be deleted.', zh: '无法删除保存的列表。' },
  'settings.timeout': { en: 'Request timeout (seconds)', zh: '请求超时（秒）' },
  'settings.secretCache': { en: 'Keep secrets in memory (minutes)', zh: '密钥在内存中保留（分钟）' },
  'settings.secretCacheHelp': {
    en: 'How long a secret read from the keychain is kept; 0 reads the keychain for every request.',
    zh: '从密钥环读取的密钥在内存中保留的时间；0 表示每个请求都重新读取密钥环。',
  },
  'settings.saved': { en: 'Settings saved.', zh: '设置已保存。' },
  'settings.rebootSection': { en: 'Rolling reboot', zh: '滚动重启' },
  'settings.rebootWaveMode': { en: 'Waves', zh: '分批方式' },
  'settings.rebootWaveMode.batch': { en: 'By batch', zh: '按数量' },
  'settings.rebootWaveMode.zone': { en: 'By zone', zh: '按可用区' },
  'settings.rebootWaveModeHelp': {
    en: 'By batch: the number of instances below in each wave. By zone: one wave per availability zone (a zone of more than 100 goes out in several requests).',
    zh: '按数量：每批重启下面设定的台数。按可用区：每个可用区一批（超过 100 台的可用区分多个请求发送）。',
  },
  'settings.rebootWaveSize': { en: 'Instances per wave', zh: '每批台数' },
  'settings.rebootWaveSizeHelp': { en: 'For waves by batch (1 to 1000).', zh: '按数量分批时生效（1 至 1000）。' },
  'settings.rebootWait': { en: 'Wait for a wave (minutes)', zh: '每批等待时长（分钟）' },
  'settings.rebootWaitHelp': {
    en: 'How long the instances of a wave have to be running again before the next wave (1 to 120); one that is not counts as not back.',
    zh: '每批实例须在此时间内恢复运行，才会发送下一批（1 至 120）；超时未恢复的计为未恢复。',
  },
  'settings.rebootFailurePercent': { en: 'Stop when more of a wave fails than (%)', zh: '单批失败超过此比例即停止（%）' },
  'settings.rebootFailurePercentHelp': {
    en: 'An instance whose reboot failed, or that is not running again in time, counts. 10 % of a 50-instance wave allows 5: the 6th stops the reboot, and later waves are not sent. 0 stops at the first.',
    zh: '重启失败或未按时恢复运行的实例都计入。50 台的一批按 10% 可容许 5 台：第 6 台即停止，后续批次不再发送。设为 0 则出现第一台即停止。',
  },
});

/** This screen's translator: its own messages and those loaded at start. */
export const useSettingsT = featureTranslator(settingsMessages);
