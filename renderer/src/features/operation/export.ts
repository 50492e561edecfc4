import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import type { OperationResult } from '../../../../shared/domain/operation';
import { outcomeError, outcomeRequestId } from './outcome-facts';
import { summarizeOutcomes } from './outcome-summary';

export const csvMimeType = 'text/csv;charset=utf-8';
export const jsonMimeType = 'application/json';

/** Where the file content goes: the main process saves it (the page itself cannot write files). */
export type ExportHandler = (fileName: string, content: string, mimeType: string) => void;

export const csvColumns = ['instanceId', 'status', 'errorCode', 'errorMessage', 'requestId'] as const;

/** Excel reads a CSV without a byte order mark as the local code page, which garbles Chinese error messages. */
const byteOrderMark = '\uFEFF';

/**
 * Quotes a field when it holds a separator, a quote or a line break (RFC 4180). A field that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe: error messages come from the
 * cloud, and opening the export must not execute what they say.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvRow(outcome: InstanceOutcome): string {
  const error = outcomeError(outcome);
  const fields = [outcome.instanceId, outcome.status, error?.code ?? '', error?.message ?? '', outcomeRequestId(outcome) ?? ''];
  return fields.map(csvField).join(',');
}

/** One row per instance, in the operation's order; CRLF line ends as RFC 4180 and Excel expect. */
export function toCsv(result: Pick<OperationResult, 'outcomes'>): string {
  const lines = [csvColumns.join(','), ...result.outcomes.map(csvRow)];
  return `${byteOrderMark}${lines.join('\r\n')}\r\n`;
}

/**
 * The whole record of an operation: what was asked, what was left out and why, and every instance's outcome with
 * the full error data (HTTP status, attempts, last cause), for audits and scripts.
 */
export function toJson(result: OperationResult): string {
  const { plan } = result;
  const summary = summarizeOutcomes(result.outcomes);
  const document = {
    operationId: result.operationId,
    action: plan.action,
    state: result.progress.state,
    profileName: plan.profileName,
    accessKeyHint: plan.accessKeyHint,
    regionId: plan.regionId,
    keyPair: plan.keyPair,
    forceStop: plan.forceStop,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    counts: { total: summary.total, succeeded: summary.succeeded, failed: summary.failed, unknown: summary.unknown, notSent: summary.notSent },
    excluded: plan.excluded,
    outcomes: result.outcomes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** e.g. `detach-key-pair-cn-beijing-20240501-093000.csv`, from when the operation started (UTC). */
export function exportFileName(result: Pick<OperationResult, 'plan' | 'startedAt' | 'operationId'>, extension: 'csv' | 'json'): string {
  const digits = result.startedAt.replace(/[^0-9]/g, '');
  const stamp = digits.length >= 14 ? `${digits.slice(0, 8)}-${digits.slice(8, 14)}` : result.operationId.replace(/[^A-Za-z0-9-]/g, '');
  return `${result.plan.action}-${result.plan.regionId}-${stamp}.${extension}`;
}
