import { z } from 'zod';
import { ecsErrorDataSchema, type EcsErrorData } from '../domain/ecs';
import { busyInstancesSchema, type BusyInstances } from './busy-instances-schema';
import { appErrorCodeSchema, type AppErrorCode } from './error-codes';

/** One problem found in a request payload: where it is and what is wrong, never the offending value itself. */
export const validationIssueSchema = z.strictObject({
  path: z.string().max(200),
  message: z.string().max(300),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/**
 * An error as it crosses IPC: data, never a thrown Error. `message` is English text for logs and developers;
 * the renderer shows the localized text the catalogue holds for `code`.
 */
export const appErrorSchema = z.strictObject({
  code: appErrorCodeSchema,
  message: z.string().max(2000),
  issues: z.array(validationIssueSchema).max(50).optional(),
  /** For CLOUD_REQUEST_FAILED: what Volcengine or the network said, explained by the ECS error catalogue. */
  cloud: ecsErrorDataSchema.optional(),
  /** For OPERATION_INSTANCES_BUSY: the running operation the instances wait for. */
  busy: busyInstancesSchema.optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** Thrown inside main by handlers; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: ValidationIssue[] | undefined;
  readonly cloud: EcsErrorData | undefined;
  readonly busy: BusyInstances | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options?: { issues?: ValidationIssue[]; cloud?: EcsErrorData; busy?: BusyInstances; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options?.issues;
    this.cloud = options?.cloud;
    this.busy = options?.busy;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.issues !== undefined) data.issues = this.issues;
    if (this.cloud !== undefined) data.cloud = this.cloud;
    if (this.busy !== undefined) data.busy = this.busy;
    return data;
  }
}
