import type { Locale } from '../domain/locale';
import type { CatalogueEntry, ErrorText } from './catalogue';
import { ecsClientErrorCodes, type EcsClientErrorCode, type EcsKnownErrorCode } from './ecs-error-codes';
import { gatewayErrorCatalogue } from './gateway-error-catalogue';

/**
 * What every ECS error means for the admin, in both languages: Volcengine's documented codes and the ECS client's
 * own. Keyed by `EcsKnownErrorCode`, so a code added to the lists does not compile until it is explained here.
 * `retryable` is true when sending the same request again, perhaps after a wait, may succeed without the admin
 * changing anything.
 */
export const ecsErrorCatalogue: Record<EcsKnownErrorCode, CatalogueEntry> = {
  // Signing and credentials
  SignatureDoesNotMatch: {
    retryable: false,
    text: {
      'zh-CN': { title: '签名校验失败', action: 'Secret Access Key 很可能不正确。请在火山引擎控制台核对这对访问密钥，重新保存后再试。' },
      'en-US': { title: 'The request signature was rejected', action: 'The Secret Access Key is probably wrong. Check the key in the Volcengine console, save it again, then retry.' },
    },
  },
  InvalidAccessKey: {
    retryable: false,
    text: {
      'zh-CN': { title: 'AccessKey ID 无效', action: '该 AccessKey ID 不存在，或已被禁用、删除。请在火山引擎控制台“访问控制 > API 访问密钥”中确认后重新填写。' },
      'en-US': { title: 'The AccessKey ID is not valid', action: 'It does not exist or was disabled or deleted. Check it in the Volcengine console (IAM > API access keys) and enter it again.' },
    },
  },
  InvalidSecretToken: {
    retryable: false,
    text: {
      'zh-CN': { title: '临时安全令牌无效或已过期', action: '临时凭证（STS）的 Session Token 不正确或已过期。请获取一组新的临时凭证后重新填写。' },
      'en-US': { title: 'The security token is invalid or expired', action: 'The session token of these temporary (STS) credentials is wrong or has expired. Get new temporary credentials and enter them again.' },
    },
  },
  MissingSignature: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求中缺少签名', action: '可能是网络中的代理或网关删除了请求头。请检查代理设置；如果没有使用代理，请报告此问题。' },
      'en-US': { title: 'The request arrived without a signature', action: 'A proxy or gateway on the way may have removed headers. Check your proxy settings; if you use none, report the problem.' },
    },
  },
  MissingAuthenticationToken: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求中缺少身份凭证', action: '可能是网络中的代理或网关删除了请求头。请检查代理设置；如果没有使用代理，请报告此问题。' },
      'en-US': { title: 'The request arrived without credentials', action: 'A proxy or gateway on the way may have removed headers. Check your proxy settings; if you use none, report the problem.' },
    },
  },
  InvalidAuthorization: {
    retryable: false,
    text: {
      'zh-CN': { title: 'Authorization 请求头格式无效', action: '可能是代理或网关改写了请求头。请检查代理设置；如果没有使用代理，请报告此问题。' },
      'en-US': { title: 'The Authorization header was malformed', action: 'A proxy or gateway may have rewritten it. Check your proxy settings; if you use none, report the problem.' },
    },
  },
  InvalidCredential: {
    retryable: false,
    text: {
      'zh-CN': { title: '签名中的凭证信息无效', action: '请确认所选地域是有效的火山引擎地域，并检查 AccessKey ID 中没有多余的空格或字符。' },
      'en-US': { title: 'The credential in the signature was not accepted', action: 'Make sure the selected region is a valid Volcengine region and the AccessKey ID has no stray spaces or characters.' },
    },
  },
  InvalidTimestamp: {
    retryable: false,
    text: {
      'zh-CN': { title: '本机时间与服务器相差过大', action: '火山引擎只接受与其时间相差约 15 分钟以内的请求。请校准本机的日期、时间和时区（建议开启自动校时）后重试。' },
      'en-US': { title: "This computer's clock is off", action: "Volcengine accepts requests only within about 15 minutes of its own time. Correct this computer's date, time and time zone (turn on automatic time), then retry." },
    },
  },

  // Per-instance errors of DetachKeyPair, AttachKeyPair and RebootInstances
  'InvalidInstance.NotFound': {
    retryable: false,
    text: {
      'zh-CN': { title: '实例不存在', action: '该实例可能已被释放，或不在所选地域。请刷新实例列表。' },
      'en-US': { title: 'The instance does not exist', action: 'It may have been released, or it is in another region. Refresh the instance list.' },
    },
  },
  'InvalidKeyPairForWindows.Unsupported': {
    retryable: false,
    text: {
      'zh-CN': { title: 'Windows 实例不支持密钥对', action: 'Windows 实例使用密码登录，不能绑定或解绑 SSH 密钥对。请将该实例从本次操作中去掉。' },
      'en-US': { title: 'Windows instances have no key pairs', action: 'Windows instances log in with a password; SSH key pairs cannot be attached or detached. Leave this instance out.' },
    },
  },
  'InvalidResetAuthenticationAgent.NotFound': {
    retryable: false,
    text: {
      'zh-CN': { title: '实例未安装密码重置插件', action: '更改密钥对需要实例内安装火山引擎的密码重置插件。请登录实例安装该插件后重试。' },
      'en-US': { title: 'The password-reset agent is not installed', action: "Changing key pairs needs Volcengine's password-reset agent on the instance. Install it on the instance, then try again." },
    },
  },
  InvalidInstanceStatus: {
    retryable: true,
    text: {
      'zh-CN': { title: '实例当前状态不允许此操作', action: '只有“运行中”或“已停止”的实例可以执行此操作。请等实例进入其中一种状态后重试。' },
      'en-US': { title: "The instance's status does not allow this", action: 'Only running or stopped instances can do this. Wait until the instance is Running or Stopped, then try again.' },
    },
  },

  // Request-level errors of DetachKeyPair, AttachKeyPair and RebootInstances
  'MissingParameter.KeyPairNameAndKeyPairId': {
    retryable: false,
    text: {
      'zh-CN': { title: '未指定密钥对', action: '请选择要操作的密钥对。如果已经选择，这是应用的缺陷，请报告此问题。' },
      'en-US': { title: 'No key pair was given', action: 'Choose a key pair. If you did, this is a bug: report it.' },
    },
  },
  'MissingParameter.InstanceIds': {
    retryable: false,
    text: {
      'zh-CN': { title: '未指定实例', action: '请至少选择一台实例。如果已经选择，这是应用的缺陷，请报告此问题。' },
      'en-US': { title: 'No instances were given', action: 'Choose at least one instance. If you did, this is a bug: report it.' },
    },
  },
  'LimitExceeded.MaximumInstanceIds': {
    retryable: false,
    text: {
      'zh-CN': { title: '单次请求的实例超过 100 台', action: '应用每次最多发送 100 台实例，出现此错误说明应用有缺陷，请报告此问题。' },
      'en-US': { title: 'More than 100 instances in one request', action: 'The app sends at most 100 per request, so this is a bug: report it.' },
    },
  },
  'InvalidClientToken.Malformed': {
    retryable: false,
    text: {
      'zh-CN': { title: '幂等令牌格式无效', action: '令牌由应用生成，出现此错误说明应用有缺陷，请报告此问题。' },
      'en-US': { title: 'The idempotency token was malformed', action: 'The app makes these tokens, so this is a bug: report it.' },
    },
  },
  IdempotentParameterMismatch: {
    retryable: false,
    text: {
      'zh-CN': { title: '幂等令牌已被另一个请求使用', action: '请重新发起操作，应用会使用新的令牌。如果仍然出现，请报告此问题。' },
      'en-US': { title: 'The idempotency token was used for a different request', action: 'Start the operation again; it will use new tokens. If this keeps happening, report it.' },
    },
  },
  'InvalidKeyPair.NotFound': {
    retryable: false,
    text: {
      'zh-CN': { title: '密钥对不存在', action: '该密钥对可能已被删除，或属于其他地域。请刷新密钥对列表后重新选择。' },
      'en-US': { title: 'The key pair does not exist', action: 'It may have been deleted, or it belongs to another region. Refresh the key pair list and choose again.' },
    },
  },
  IdempotentProcessing: {
    retryable: true,
    text: {
      'zh-CN': { title: '同一请求仍在处理中', action: '火山引擎还在处理这一批请求。请稍候刷新查看结果，再决定是否重试。' },
      'en-US': { title: 'The same request is still being processed', action: 'Volcengine is still working on this batch. Wait a moment and refresh to see the result before retrying.' },
    },
  },
  FlowLimitExceeded: {
    retryable: true,
    text: {
      'zh-CN': { title: '请求过于频繁，已被限流', action: '请稍等片刻再试；批量操作时可以调低并发数。' },
      'en-US': { title: 'Too many requests: rate limited', action: 'Wait a moment and try again; for bulk operations, lower the concurrency.' },
    },
  },
  InternalError: {
    retryable: true,
    text: {
      'zh-CN': { title: '火山引擎内部错误', action: '通常是暂时性问题，请稍后重试。如果持续出现，请携带请求 ID 联系火山引擎技术支持。' },
      'en-US': { title: 'Volcengine had an internal error', action: 'This is usually temporary: try again later. If it persists, contact Volcengine support with the request ID.' },
    },
  },
  DryRunOperation: {
    retryable: false,
    text: {
      'zh-CN': { title: '预检通过，未做任何更改', action: '这是一次预检请求：参数和权限都有效，但没有实际执行。需要执行时请关闭预检再发起。' },
      'en-US': { title: 'Dry run passed; nothing was changed', action: 'This was a dry run: the parameters and permissions are valid, but nothing ran. Turn dry run off to do it for real.' },
    },
  },

  // DescribeRegions
  InvalidArgument: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求参数无效', action: '请检查填写的内容（例如地域 ID）。如果都正确，请报告此问题。' },
      'en-US': { title: 'A request parameter was not valid', action: 'Check what you entered (such as region IDs). If it is all correct, report the problem.' },
    },
  },
  'LimitExceeded.MaximumRegionIds': {
    retryable: false,
    text: {
      'zh-CN': { title: '一次查询的地域超过 20 个', action: '应用每次最多查询 20 个地域，出现此错误说明应用有缺陷，请报告此问题。' },
      'en-US': { title: 'More than 20 regions in one query', action: 'The app asks for at most 20 at a time, so this is a bug: report it.' },
    },
  },

  // Any call, from the API gateway
  MissingParameter: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求缺少必需的参数', action: '可能是代理改写了请求，也可能是应用有缺陷。请检查代理设置；如果没有使用代理，请报告此问题。' },
      'en-US': { title: 'A required parameter was missing', action: 'A proxy may have rewritten the request, or this is a bug. Check your proxy settings; if you use none, report it.' },
    },
  },
  MissingRequestInfo: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求缺少必要信息', action: '可能是代理改写了请求，也可能是应用有缺陷。请检查代理设置；如果没有使用代理，请报告此问题。' },
      'en-US': { title: 'The request was missing required information', action: 'A proxy may have rewritten the request, or this is a bug. Check your proxy settings; if you use none, report it.' },
    },
  },
  InvalidActionOrVersion: {
    retryable: false,
    text: {
      'zh-CN': { title: '接口名称或版本无法识别', action: '接入地址可能不是火山引擎 ECS 的 OpenAPI 地址。请检查接入地址（留空即使用该地域的默认地址）。' },
      'en-US': { title: 'The API action or version was not recognised', action: 'The endpoint may not be the Volcengine ECS OpenAPI. Check the endpoint setting (leave it empty for the default of the region).' },
    },
  },
  AccessDenied: {
    retryable: false,
    text: {
      'zh-CN': { title: '没有执行此操作的权限', action: '这对访问密钥所属的用户缺少相应的 ECS 权限。请在火山引擎“访问控制（IAM）”中为该用户授权后重试。' },
      'en-US': { title: 'Permission denied', action: 'The user this access key belongs to lacks the ECS permission. Grant it in Volcengine IAM, then retry.' },
    },
  },
  LackProjectPolicy: {
    retryable: false,
    text: {
      'zh-CN': { title: '缺少项目权限', action: '该用户对这些资源所在的项目没有权限。请在火山引擎“访问控制（IAM）”中为其授予项目权限后重试。' },
      'en-US': { title: 'No permission in this project', action: 'The user has no rights in the project that holds these resources. Grant project access in Volcengine IAM, then retry.' },
    },
  },
  ServiceShouldCallSelfApi: {
    retryable: false,
    text: {
      'zh-CN': { title: '请求发到了错误的服务', action: '请检查接入地址是否为 ECS 的 OpenAPI 地址（留空即使用该地域的默认地址）。' },
      'en-US': { title: 'The request reached the wrong service', action: 'Check that the endpoint is the ECS OpenAPI (leave it empty for the default of the region).' },
    },
  },
  ...gatewayErrorCatalogue,

  // The client's own: the network
  ECS_NETWORK_DNS: {
    retryable: true,
    text: {
      'zh-CN': { title: '无法解析服务器域名', action: '请检查网络连接和 DNS 设置，并确认接入地址拼写正确。' },
      'en-US': { title: "Could not look up the server's name", action: 'Check the network connection and DNS settings, and that the endpoint is spelled correctly.' },
    },
  },
  ECS_NETWORK_CONNECTION_REFUSED: {
    retryable: true,
    text: {
      'zh-CN': { title: '服务器拒绝了连接', action: '请检查接入地址和端口。如果使用私有网关或本地模拟器，请确认它正在运行。' },
      'en-US': { title: 'The server refused the connection', action: 'Check the endpoint address and port. If you use a private gateway or the local simulator, make sure it is running.' },
    },
  },
  ECS_NETWORK_TIMEOUT: {
    retryable: true,
    text: {
      'zh-CN': { title: '请求超时', action: '请检查网络后重试。如果是解绑或重启，请先刷新，确认是否已经生效，再决定是否重试。' },
      'en-US': { title: 'The request timed out', action: 'Check the network and try again. If this was a detach or a reboot, refresh first: it may have taken effect anyway.' },
    },
  },
  ECS_NETWORK_TLS: {
    retryable: false,
    text: {
      'zh-CN': { title: '安全连接（TLS）失败', action: '服务器证书无法验证，或网络中有设备拦截了 HTTPS。请检查系统时间、代理或安全软件，以及接入地址是否正确。' },
      'en-US': { title: 'The secure connection (TLS) failed', action: "The server's certificate could not be verified, or something on the network intercepts HTTPS. Check the system clock, any proxy or security software, and the endpoint." },
    },
  },
  ECS_NETWORK_PROXY: {
    retryable: false,
    text: {
      'zh-CN': { title: '代理服务器连接失败', action: '请检查代理设置（地址、端口、账号），或环境变量 HTTPS_PROXY、HTTP_PROXY 和 NO_PROXY。' },
      'en-US': { title: 'The proxy failed', action: 'Check the proxy settings (address, port, credentials), or the HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables.' },
    },
  },
  ECS_NETWORK_CONNECTION_RESET: {
    retryable: true,
    text: {
      'zh-CN': { title: '连接中途被断开', action: '请重试。如果是解绑或重启，请先刷新，确认是否已经生效，再决定是否重试。' },
      'en-US': { title: 'The connection was dropped', action: 'Try again. If this was a detach or a reboot, refresh first: it may have taken effect anyway.' },
    },
  },
  ECS_NETWORK_OTHER: {
    retryable: true,
    text: {
      'zh-CN': { title: '网络错误', action: '请检查网络连接后重试。' },
      'en-US': { title: 'Network error', action: 'Check the network connection and try again.' },
    },
  },

  // The client's own: answers, giving up, cancelling
  ECS_BAD_RESPONSE: {
    retryable: true,
    text: {
      'zh-CN': { title: '返回的内容无法识别', action: '收到的内容不是火山引擎 API 的格式，可能来自代理或网关，或者在传输中被截断。请检查接入地址和代理设置后重试。' },
      'en-US': { title: 'The answer could not be read', action: 'It was not a Volcengine API answer: it may come from a proxy or gateway, or was cut off. Check the endpoint and proxy settings, then retry.' },
    },
  },
  ECS_RETRIES_EXHAUSTED: {
    retryable: true,
    text: {
      'zh-CN': { title: '多次重试后仍然失败', action: '请查看下方最后一次的错误原因，稍后再试。如果是解绑或重启，请先刷新，确认是否已经生效。' },
      'en-US': { title: 'Still failing after several attempts', action: 'Read the last error below, then try again later. If this was a detach or a reboot, refresh first: it may have taken effect anyway.' },
    },
  },
  ECS_CANCELLED: {
    retryable: true,
    text: {
      'zh-CN': { title: '已取消', action: '取消后未再发出新的请求，尚未发出的部分没有做任何更改。需要时可以重新执行。' },
      'en-US': { title: 'Cancelled', action: 'Nothing more was sent after you cancelled; what was not sent changed nothing. Run it again if you still want it.' },
    },
  },
  ECS_ZONES_INCOMPLETE: {
    retryable: false,
    text: {
      'zh-CN': {
        title: '按可用区列举未覆盖整个地域',
        action: '有实例位于 DescribeZones 未列出的可用区中，因此已改为按顺序列举整个地域，不会遗漏实例，只是耗时更长。',
      },
      'en-US': {
        title: 'Listing zone by zone did not cover the whole region',
        action: 'Some instances are in zones DescribeZones did not name, so the region was listed in one sequence instead: nothing is missed, it only takes longer.',
      },
    },
  },
  ECS_NOT_SENT: {
    retryable: true,
    text: {
      'zh-CN': { title: '未发送，没有做任何更改', action: '应用无法记录操作进度，因此在发出这一批之前停止了。这些实例没有被更改，可以重新执行。' },
      'en-US': { title: 'Not sent; nothing was changed', action: 'The app could not record the progress of the operation, so it stopped before sending this batch. These instances were not changed; you can run it again.' },
    },
  },
  ECS_OPERATION_DETAIL_MISSING: {
    retryable: false,
    text: {
      'zh-CN': { title: '结果未知：返回中没有此实例', action: '火山引擎的返回中没有提到这个实例。请刷新实例列表确认其密钥对，再决定是否重试。' },
      'en-US': { title: 'Result unknown: the answer did not mention this instance', action: "Refresh the instance list and check this instance's key pair before running the operation again." },
    },
  },
  ECS_CREDENTIALS_UNAVAILABLE: {
    retryable: false,
    text: {
      'zh-CN': { title: '无法读取访问密钥', action: '请确认已保存访问密钥，并且系统密钥环已解锁。' },
      'en-US': { title: 'The access key could not be read', action: 'Make sure an access key is saved and the system keychain is unlocked.' },
    },
  },
  ECS_REQUEST_INVALID: {
    retryable: false,
    text: {
      'zh-CN': { title: '无法构造请求', action: '请检查访问密钥、地域和接入地址中是否有多余的空格或字符。如果都正确，请报告此问题。' },
      'en-US': { title: 'The request could not be built', action: 'Check the access key, region and endpoint for stray spaces or characters. If they look right, report the problem.' },
    },
  },
  ECS_UNEXPECTED_ERROR: {
    retryable: false,
    text: {
      'zh-CN': { title: '应用内部出现意外错误', action: '结果未知。请刷新实例列表确认实际状态，再决定是否重试，并报告此问题。' },
      'en-US': { title: 'Something unexpected went wrong inside the app', action: 'The result is unknown. Refresh the instance list to see the real state before retrying, and report the problem.' },
    },
  },
  ECS_NOT_APPLIED: {
    retryable: true,
    text: {
      'zh-CN': { title: '复查发现更改没有生效', action: '该实例仍是更改前的状态（解绑后仍绑定此密钥对，或绑定后仍未绑定）。可以放心重试（同一请求不会重复执行）。' },
      'en-US': { title: 'A re-check found the change was not made', action: 'The instance is as it was (a detach left the key pair bound, or an attach left it unbound). It is safe to retry.' },
    },
  },
  ECS_INTERRUPTED: {
    retryable: false,
    text: {
      'zh-CN': { title: '结果未知：应用在收到返回之前停止了', action: '请求可能已经到达火山引擎。请复查该实例，或继续执行该操作：它会用同一个 ClientToken 再次发送同一个请求，火山引擎最多只执行一次。' },
      'en-US': { title: 'Result unknown: the app stopped before the answer came', action: 'The request may have reached Volcengine. Re-check the instance, or resume the operation: it sends the same request with the same ClientToken, which Volcengine applies at most once.' },
    },
  },
};

/**
 * Whether the code is the app's own (`ECS_*`: the network, giving up, cancelling, a re-check) rather than one
 * Volcengine sent. Screens name the app's own codes in words first; Volcengine's are shown verbatim, to be searched
 * for or quoted to support.
 */
export function isAppOwnEcsCode(code: string): code is EcsClientErrorCode {
  return (ecsClientErrorCodes as readonly string[]).includes(code);
}

export function isKnownEcsErrorCode(code: string): code is EcsKnownErrorCode {
  // hasOwn, so that codes such as `constructor` or `toString` are not mistaken for entries.
  return Object.hasOwn(ecsErrorCatalogue, code);
}

/**
 * For a code the catalogue does not know (Volcengine documents only some of its codes): a generic entry that
 * still shows the raw code, so the admin can search for it or quote it to support.
 */
function genericEntry(code: string): CatalogueEntry {
  return {
    retryable: false,
    text: {
      'zh-CN': { title: `火山引擎返回了错误：${code}`, action: '请查看错误信息。如果问题持续，请携带错误代码和请求 ID 联系火山引擎技术支持。' },
      'en-US': { title: `Volcengine returned the error ${code}`, action: 'Read the error message. If it persists, contact Volcengine support with the error code and the request ID.' },
    },
  };
}

/** The catalogue entry for any code, known or not. */
export function lookupEcsError(code: string): CatalogueEntry {
  return isKnownEcsErrorCode(code) ? ecsErrorCatalogue[code] : genericEntry(code);
}

export function describeEcsError(code: string, locale: Locale): ErrorText {
  return lookupEcsError(code).text[locale];
}
