import type { CatalogueEntry } from './catalogue';

/**
 * Every ECS action the app sends, for the IAM policy a sub-account needs (LackPolicy). The client's action list
 * (electron/volcengine/ecs-actions.ts) is checked against it by a test, so the advice cannot fall behind.
 */
export const ecsActionsTheAppCalls = [
  'DescribeRegions',
  'DescribeZones',
  'DescribeInstances',
  'DescribeKeyPairs',
  'DetachKeyPair',
  'AttachKeyPair',
  'RebootInstances',
] as const;

const policyActions = ecsActionsTheAppCalls.map((action) => `ecs:${action}`).join(', ');

/** Gateway codes from the ECS and platform common-error pages (spec: "Other gateway errors") not listed elsewhere. */
export const gatewayErrorCodes = ['LackPolicy', 'ServiceNotFound', 'InternalServiceTimeout'] as const;
export type GatewayErrorCode = (typeof gatewayErrorCodes)[number];

export const gatewayErrorCatalogue: Record<GatewayErrorCode, CatalogueEntry> = {
  LackPolicy: {
    retryable: false,
    text: {
      'zh-CN': {
        title: '该子用户没有调用此接口的权限策略',
        action: `请主账号或管理员在火山引擎“访问控制（IAM）”中为该用户授予策略：系统策略 ECSFullAccess，或只允许以下操作的自定义策略：${policyActions}（只查看时只需 Describe* 这几项）。授权后重试。`,
      },
      'en-US': {
        title: 'This IAM user has no policy that allows the call',
        action: `Ask the account owner or an admin to attach a policy to this user in Volcengine IAM: the system policy ECSFullAccess, or a custom policy allowing ${policyActions} (the Describe* actions alone for looking only). Then retry.`,
      },
    },
  },
  ServiceNotFound: {
    retryable: false,
    text: {
      'zh-CN': {
        title: '该接入地址没有这个地域的 ECS 服务',
        action: '请求发到的接入地址不服务于所选地域。请清空资料中的接入地址以使用该地域的默认地址（部分地域为 ecs.<地域>.volcengineapi.com，其余为 open.volcengineapi.com），或填写该地域正确的地址。',
      },
      'en-US': {
        title: 'The endpoint has no ECS service for this region',
        action: "The endpoint the request went to does not serve the selected region. Clear the profile's endpoint to use the region's default (ecs.<region>.volcengineapi.com for some regions, open.volcengineapi.com for the rest), or enter the right one for the region.",
      },
    },
  },
  InternalServiceTimeout: {
    retryable: true,
    text: {
      'zh-CN': { title: '火山引擎内部服务超时', action: '这是服务端的临时问题，请稍后重试。变更操作可能已经执行：重试会使用同一个 ClientToken，火山引擎最多只执行一次。' },
      'en-US': {
        title: 'A Volcengine service timed out internally',
        action: 'A temporary problem on their side: retry in a moment. A change may have been made already; a retry sends the same ClientToken, which Volcengine applies at most once.',
      },
    },
  },
};
