/**
 * Every request-level error the simulator answers, with its HTTP status. The statuses are the spec's, and where
 * Volcengine's pages disagree, the ECS page's (InvalidTimestamp: 403, where the platform page says 400).
 *
 * `CodeN` values are the spec's where it gives one (the gateway errors, "Other gateway errors"); the rest are the
 * simulator's own stable numbers (the spec gives none and tells clients to branch on `Code` only), there so a
 * client can prove it ignores them.
 */
const errorCatalogue = {
  MissingAuthenticationToken: { httpStatus: 401, codeN: 100003 },
  MissingSignature: { httpStatus: 401, codeN: 100005 },
  InvalidAuthorization: { httpStatus: 400, codeN: 100901 },
  InvalidAccessKey: { httpStatus: 401, codeN: 100902 },
  SignatureDoesNotMatch: { httpStatus: 401, codeN: 100903 },
  InvalidSecretToken: { httpStatus: 401, codeN: 100904 },
  InvalidTimestamp: { httpStatus: 403, codeN: 100905 },
  InvalidCredential: { httpStatus: 400, codeN: 100906 },
  MissingRequestInfo: { httpStatus: 400, codeN: 100004 },
  ServiceNotFound: { httpStatus: 404, codeN: 100007 },
  InvalidActionOrVersion: { httpStatus: 404, codeN: 100008 },
  FlowLimitExceeded: { httpStatus: 429, codeN: 100907 },
  InternalError: { httpStatus: 500, codeN: 100014 },
  // "500-range" in the spec without a number; 504 is the gateway's own timeout status.
  InternalServiceTimeout: { httpStatus: 504, codeN: 100016 },
  // The gateway's permission refusals. The simulator never decides these itself (every accepted key may do
  // everything); they exist so an `api-error` fault can answer them.
  LackPolicy: { httpStatus: 403, codeN: 100012 },
  AccessDenied: { httpStatus: 403, codeN: 100013 },
  LackProjectPolicy: { httpStatus: 403, codeN: 100908 },
  ServiceShouldCallSelfApi: { httpStatus: 403, codeN: 100909 },
  InvalidArgument: { httpStatus: 400, codeN: 200001 },
  MissingParameter: { httpStatus: 400, codeN: 100002 },
  'MissingParameter.InstanceIds': { httpStatus: 400, codeN: 200003 },
  'MissingParameter.KeyPairNameAndKeyPairId': { httpStatus: 400, codeN: 200004 },
  'LimitExceeded.MaximumInstanceIds': { httpStatus: 400, codeN: 200005 },
  'LimitExceeded.MaximumRegionIds': { httpStatus: 400, codeN: 200006 },
  'InvalidClientToken.Malformed': { httpStatus: 400, codeN: 200007 },
  IdempotentParameterMismatch: { httpStatus: 400, codeN: 200008 },
  'InvalidKeyPair.NotFound': { httpStatus: 404, codeN: 200009 },
  'InvalidInstance.NotFound': { httpStatus: 404, codeN: 200010 },
  InvalidInstanceStatus: { httpStatus: 400, codeN: 200011 },
  IdempotentProcessing: { httpStatus: 412, codeN: 200012 },
  DryRunOperation: { httpStatus: 400, codeN: 200013 },
} as const satisfies Record<string, { httpStatus: number; codeN: number }>;

export type ApiErrorCode = keyof typeof errorCatalogue;

/** For rules built at run time (an `api-error` fault): only a code in the table has a status to answer with. */
export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(errorCatalogue, code);
}

export interface ApiError {
  readonly code: ApiErrorCode;
  readonly codeN: number;
  readonly httpStatus: number;
  readonly message: string;
}

export function apiError(code: ApiErrorCode, message: string): ApiError {
  const { httpStatus, codeN } = errorCatalogue[code];
  return { code, codeN, httpStatus, message };
}

/** Codes that appear inside `OperationDetails[].Error`, where there is no HTTP status of their own. */
export const instanceErrorCodes = {
  notFound: 'InvalidInstance.NotFound',
  windows: 'InvalidKeyPairForWindows.Unsupported',
  noResetAgent: 'InvalidResetAuthenticationAgent.NotFound',
  badStatus: 'InvalidInstanceStatus',
  flowLimited: 'FlowLimitExceeded',
  /**
   * The simulator's own code (the spec is silent): the instance is not bound to the key pair the request names.
   * See key-pair-operation.ts for why this is an error rather than a silent success.
   */
  keyPairNotBound: 'InvalidKeyPair.NotBound',
} as const;

export interface InstanceOperationError {
  readonly Code: string;
  readonly Message: string;
}

export interface OperationDetail {
  readonly InstanceId: string;
  readonly Error: InstanceOperationError | null;
}
