import { z } from 'zod';
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
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** Thrown inside main by handlers; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: ValidationIssue[] | undefined;

  constructor(code: AppErrorCode, message: string, options?: { issues?: ValidationIssue[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options?.issues;
  }

  toData(): AppErrorData {
    return this.issues === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, issues: this.issues };
  }
}
