import { defineMessages } from '../../i18n/define-messages';
import { featureTranslator } from '../../i18n/feature-t';

/** The operation journal's screen (the notice of interrupted operations is the shell's: app-messages.ts). */
export const historyMessages = defineMessages({
  'history.title': { en: 'History', zh: '操作历史' },
  'history.intro': {
    en: 'Every operation, from the journal kept on this computer: what was asked, where, and what became of each instance.',
    zh: '本机操作日志中的每一次操作：请求了什么、在哪里，以及每台实例的结果。',
  },
  'history.tableLabel': { en: 'Past operations', zh: '历史操作' },
  'history.empty': { en: 'No operation yet', zh: '还没有操作' },
  'history.col.started': { en: 'Started', zh: '开始时间' },
  'history.col.action': { en: 'Action', zh: '操作' },
  'history.col.keyPair': { en: 'Key pair', zh: '密钥对' },
  'history.col.outcomes': { en: 'Outcomes', zh: '结果' },
  'history.col.state': { en: 'State', zh: '状态' },
  'history.col.open': { en: 'Details', zh: '详情' },
  'history.open': { en: 'Open', zh: '打开' },
  'history.action.detach-key-pair': { en: 'Detach key pair', zh: '解绑密钥对' },
  'history.action.reboot': { en: 'Reboot', zh: '重启' },
  'history.action.attach-key-pair': { en: 'Attach key pair', zh: '绑定密钥对' },
  'history.action.undo': { en: 'Undo of a detach', zh: '撤销解绑' },
  'history.undone': { en: 'Undone', zh: '已撤销' },
  'history.undoneTitle': { en: 'An undo re-attached this key pair', zh: '已通过撤销操作重新绑定该密钥对' },
  'history.undoOf': { en: 'This undoes the detach of {keyPair} started {time}.', zh: '此操作撤销了 {time} 开始的 {keyPair} 解绑。' },
  'history.openDetach': { en: 'Open that detach', zh: '打开该解绑操作' },
  'history.undoneBy': { en: 'Undone by:', zh: '撤销记录：' },
  'history.undoLink': { en: 'the undo started {time}', zh: '{time} 开始的撤销' },
  'history.links': { en: 'Related operations', zh: '相关操作' },
  'history.outcomes': {
    en: '{succeeded} succeeded · {failed} failed · {unknown} unknown · {notSent} not sent',
    zh: '成功 {succeeded} · 失败 {failed} · 未知 {unknown} · 未发送 {notSent}',
  },
  'history.skippedLines': {
    en: 'Skipped {count, plural, one {# damaged line} other {# damaged lines}} of the journal (a line cut off by a crash during a write, for example). Everything else is shown.',
    zh: '已跳过操作日志中 {count} 行损坏的内容（例如写入时应用意外退出）。其余内容均已显示。',
  },
  'history.interruptedTitle': { en: 'This operation was interrupted', zh: '该操作被中断' },
  'history.interruptedBody': {
    en: 'The app stopped before the operation ended. Resuming sends again the requests that have no recorded answer, with their original ClientTokens, so Volcengine applies each at most once. {unknown, plural, =0 {No request was left without an answer.} one {# instance was in a request that was sent but never answered.} other {# instances were in requests that were sent but never answered.}}',
    zh: '应用在操作结束前退出。继续操作会用原来的 ClientToken 重新发送没有记录到应答的请求，火山引擎对每个请求最多执行一次。有 {unknown} 台实例所在的请求已发送但未收到应答。',
  },
  'history.resume': { en: 'Resume', zh: '继续操作' },
  'history.abandon': { en: 'End without resuming', zh: '结束，不再继续' },
  'history.action.sweep': { en: 'Sweep: detach everywhere', zh: '批量解绑（所有账号）' },
  'history.sweep.regions': { en: '{count, plural, one {# region} other {# regions}}', zh: '{count} 个地域' },
  'history.sweep.accounts': { en: '{count, plural, one {# account} other {# accounts}}', zh: '{count} 个账号' },
  'history.sweep.title': {
    en: 'Sweep of {name}: {accounts, plural, one {# account} other {# accounts}}, {regions, plural, one {# region} other {# regions}} in all',
    zh: '批量解绑 {name}：{accounts} 个账号，共 {regions} 个地域',
  },
  'history.sweep.interruptedTitle': { en: 'This sweep was interrupted', zh: '该批量解绑被中断' },
  'history.sweep.interruptedBody': {
    en: 'The app stopped before the sweep ended. Resuming continues every unfinished part, in every account, with the original ClientTokens, so Volcengine applies each request at most once. A part that never started sent nothing and has no plan left to resume: search again to take the key off there. Progress and results then show on the Sweep screen.',
    zh: '应用在批量解绑结束前退出。继续操作会在所有账号中接着完成每个未完成的部分，并沿用原来的 ClientToken，火山引擎对每个请求最多执行一次。从未开始的部分没有发送任何请求，也没有可继续的计划：请重新搜索，再从那里解绑该密钥。进度和结果随后显示在批量解绑页面。',
  },
  'history.sweep.notStarted': { en: 'Not started — nothing was sent', zh: '未开始——未发送任何请求' },
  'history.sweep.openPart': { en: 'Open {region} of {account}', zh: '打开 {account} 的 {region}' },
});

/** This screen's translator: its own messages and those loaded at start. */
export const useHistoryT = featureTranslator(historyMessages);
