import { defineMessages } from '../../i18n/define-messages';

/** An attach (a first key, a rotation, or the undo of a detach): its review, progress, results and the undo button. */
export const attachMessages = defineMessages({
  'operation.review.title.attach-key-pair': { en: 'Review: attach a key pair', zh: '预览：绑定密钥对' },
  'operation.review.title.undo': { en: 'Review: undo a detach (attach {name} again)', zh: '预览：撤销解绑（重新绑定 {name}）' },
  'operation.review.undoOf': { en: 'Undoes', zh: '撤销的操作' },
  'operation.review.undoOfValue': { en: 'The detach {id}', zh: '解绑操作 {id}' },
  'operation.progress.title.attach-key-pair': { en: 'Attaching the key pair', zh: '正在绑定密钥对' },
  'operation.results.title.attach-key-pair': { en: 'Result: attach key pair', zh: '绑定结果' },
  'operation.results.undoOf': { en: 'Undo of the detach {id}', zh: '撤销解绑操作 {id}' },
  'operation.confirm.label.attach-key-pair': { en: 'Type the key pair name to confirm', zh: '输入密钥对名称以确认' },
  'operation.confirm.attach-key-pair.one': { en: 'Attach to 1 instance', zh: '绑定到 1 台实例' },
  'operation.confirm.attach-key-pair.other': { en: 'Attach to {count} instances', zh: '绑定到 {count} 台实例' },
  'operation.exclusion.already-bound': { en: 'Already bound to this key pair: nothing to change', zh: '已绑定该密钥对，无需更改' },
  'operation.exclusion.not-found': { en: 'No longer exists (released since)', zh: '实例已不存在（之后已被释放）' },
  'operation.exclusion.other-key.undo': {
    en: 'Another key pair is bound now: an undo never overwrites it',
    zh: '现在绑定的是其他密钥对：撤销操作不会覆盖它',
  },
  'operation.warning.attach.noPassword': {
    en: 'Attaching a key pair turns off password login on these instances: from then on only the private key of {name} logs in.',
    zh: '绑定密钥对会禁用这些实例的密码登录：此后只能用 {name} 的私钥登录。',
  },
  'operation.warning.attach.reboot': {
    en: 'The change takes effect only after each instance reboots: {running} of the {count} instances in this plan are running.',
    zh: '实例重启后更改才会生效：本次计划的 {count} 台实例中有 {running} 台正在运行。',
  },
  'operation.warning.attach.replacing': {
    en: 'Replacing a key locks out whoever used the old one: {count, plural, one {# instance has} other {# instances have}} another key pair bound now ({keys}), which this attach overwrites.',
    zh: '替换密钥对后，使用旧密钥的人将无法再登录：有 {count} 台实例当前绑定了其他密钥对（{keys}），本次绑定会将其覆盖。',
  },
  'operation.review.changes': { en: 'What changes', zh: '变更内容' },
  'operation.review.change.first': { en: 'Get their first key pair, {name}', zh: '首次绑定密钥对 {name}' },
  'operation.review.change.back': { en: 'Get {name} back', zh: '重新绑定 {name}' },
  'operation.review.change.replace': { en: 'Key pair replaced: {old} → {name}', zh: '替换密钥对：{old} → {name}' },
  'operation.undo.button': {
    en: 'Re-attach {name} to the {count, plural, one {# instance} other {# instances}} it was taken off',
    zh: '将 {name} 重新绑定到被解绑的 {count} 台实例',
  },
  'operation.undo.already': {
    en: 'Already undone {count, plural, one {once} other {# times}} (see above): instances that have the key back are left out.',
    zh: '已撤销过 {count} 次（见上方）：已重新绑定该密钥的实例会被排除。',
  },
  'operation.undo.note': {
    en: 'Plans an attach of the same key pair, reviewed before anything is sent. An instance given another key pair since is left out, never overwritten.',
    zh: '将制定一个重新绑定同一密钥对的计划，发送前会先请您预览。之后绑定了其他密钥对的实例会被排除，不会被覆盖。',
  },
});
