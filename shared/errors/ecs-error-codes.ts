import { gatewayErrorCodes } from './gateway-error-catalogue';

/**
 * Error codes Volcengine's ECS OpenAPI is documented to return (see `electron/volcengine/volcengine-ecs-spec.md`).
 * They arrive as the string `ResponseMetadata.Error.Code` (or a per-instance `Error.Code`) and are kept verbatim.
 */
export const ecsApiErrorCodes = [
  // Signing and credentials
  'SignatureDoesNotMatch',
  'InvalidAccessKey',
  'InvalidSecretToken',
  'MissingSignature',
  'MissingAuthenticationToken',
  'InvalidAuthorization',
  'InvalidCredential',
  'InvalidTimestamp',
  // DetachKeyPair / AttachKeyPair / RebootInstances, per instance
  'InvalidInstance.NotFound',
  'InvalidKeyPairForWindows.Unsupported',
  'InvalidResetAuthenticationAgent.NotFound',
  'InvalidInstanceStatus',
  // DetachKeyPair / AttachKeyPair / RebootInstances, whole request
  'MissingParameter.KeyPairNameAndKeyPairId',
  'MissingParameter.InstanceIds',
  'LimitExceeded.MaximumInstanceIds',
  'InvalidClientToken.Malformed',
  'IdempotentParameterMismatch',
  'InvalidKeyPair.NotFound',
  'IdempotentProcessing',
  'FlowLimitExceeded',
  'InternalError',
  'DryRunOperation',
  // DescribeRegions
  'InvalidArgument',
  'LimitExceeded.MaximumRegionIds',
  // Any call, from the API gateway
  'MissingParameter',
  'MissingRequestInfo',
  'InvalidActionOrVersion',
  'AccessDenied',
  'LackProjectPolicy',
  'ServiceShouldCallSelfApi',
  ...gatewayErrorCodes,
] as const;
export type EcsApiErrorCode = (typeof ecsApiErrorCodes)[number];

/** Network failures the UI tells apart, each with its own advice. */
export const ecsNetworkErrorCodes = [
  'ECS_NETWORK_DNS',
  'ECS_NETWORK_CONNECTION_REFUSED',
  'ECS_NETWORK_TIMEOUT',
  'ECS_NETWORK_TLS',
  'ECS_NETWORK_PROXY',
  'ECS_NETWORK_CONNECTION_RESET',
  'ECS_NETWORK_OTHER',
] as const;

/**
 * The ECS client's own codes, for failures Volcengine did not name: the network, an unreadable answer, giving up,
 * cancelling. Prefixed `ECS_` so they can never collide with a Volcengine code.
 */
export const ecsClientErrorCodes = [
  ...ecsNetworkErrorCodes,
  'ECS_BAD_RESPONSE',
  'ECS_RETRIES_EXHAUSTED',
  'ECS_CANCELLED',
  'ECS_NOT_SENT',
  'ECS_OPERATION_DETAIL_MISSING',
  'ECS_CREDENTIALS_UNAVAILABLE',
  'ECS_REQUEST_INVALID',
  'ECS_UNEXPECTED_ERROR',
  'ECS_NOT_APPLIED',
  'ECS_INTERRUPTED',
  'ECS_ZONES_INCOMPLETE',
] as const;
export type EcsClientErrorCode = (typeof ecsClientErrorCodes)[number];
export type EcsNetworkErrorCode = (typeof ecsNetworkErrorCodes)[number];

export type EcsKnownErrorCode = EcsApiErrorCode | EcsClientErrorCode;
