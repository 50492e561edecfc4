import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { outcomeDetail } from '../../../../shared/domain/outcome-counts';
import type { ExposureReport } from '../../../../shared/domain/exposure';
import type { OperationResult } from '../../../../shared/domain/operation';
import { bucketOf } from '../exposure/exposure-facts';
import { outcomeRequestId } from './outcome-facts';
import { summarizeOutcomes } from './outcome-summary';

export const csvMimeType = 'text/csv;charset=utf-8';
export const jsonMimeType = 'application/json';

const csvColumns = ['instanceId', 'status', 'errorCode', 'errorMessage', 'requestId', 'stillExposed', 'exposureDetail', 'exposureCheckedAt'] as const;

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

type ExposureColumns = (instanceId: string) => [string, string, string];

/**
 * The latest exposure check's say about an instance: its bucket (`failed`, `notSent`, `leftOut`,
 * `notYetRebooted`) and why, or `no`; `unknown` instead of `no` when the check could not read everything; all
 * empty when no check was made.
 */
function exposureColumns(report: ExposureReport | null): ExposureColumns {
  if (report === null) return () => ['', '', ''];
  const byId = bucketOf(report);
  const absent = report.problems.length === 0 ? 'no' : 'unknown';
  return (instanceId) => {
    const found = byId.get(instanceId);
    return [found?.bucket ?? absent, found?.entry.detail ?? '', report.checkedAt];
  };
}

function csvRow(outcome: InstanceOutcome, exposure: ExposureColumns): string {
  const error = outcomeDetail(outcome);
  const fields = [outcome.instanceId, outcome.status, error?.code ?? '', error?.message ?? '', outcomeRequestId(outcome) ?? '', ...exposure(outcome.instanceId)];
  return fields.map(csvField).join(',');
}

/**
 * One row per instance, in the operation's order, then a row for each instance where the key still works that
 * the operation had no outcome for (left out, or detached by another run), with an empty status. CRLF line ends
 * as RFC 4180 and Excel expect.
 */
export function toCsv(result: Pick<OperationResult, 'outcomes'>, exposure: ExposureReport | null = null): string {
  return `${byteOrderMark}${[csvColumns.join(','), ...csvRows(result, exposure)].join('\r\n')}\r\n`;
}

function csvRows(result: Pick<OperationResult, 'outcomes'>, exposure: ExposureReport | null): string[] {
  const columns = exposureColumns(exposure);
  const inOperation = new Set(result.outcomes.map((outcome) => outcome.instanceId));
  const others = exposure === null ? [] : [...bucketOf(exposure).keys()].filter((instanceId) => !inOperation.has(instanceId));
  return [
    ...result.outcomes.map((outcome) => csvRow(outcome, columns)),
    ...others.map((instanceId) => [instanceId, '', '', '', '', ...columns(instanceId)].map(csvField).join(',')),
  ];
}

/** A sweep's part as its export names it: who (profile and account) and where, before each instance's columns. */
export interface SweepExportPart {
  profileName: string;
  accountId: string | null;
  regionId: string;
  result: Pick<OperationResult, 'outcomes'>;
  exposure: ExposureReport | null;
}

/**
 * A whole sweep in one file: every part's rows as `toCsv` writes them, each led by the profile, account ID and
 * region it belongs to, so a row read alone (filtered, sorted, pasted) still says where its instance is.
 */
export function toSweepCsv(parts: readonly SweepExportPart[]): string {
  const lines = [
    ['profileName', 'accountId', 'regionId', ...csvColumns].join(','),
    ...parts.flatMap((part) => {
      const lead = [part.profileName, part.accountId ?? '', part.regionId].map(csvField).join(',');
      return csvRows(part.result, part.exposure).map((row) => `${lead},${row}`);
    }),
  ];
  return `${byteOrderMark}${lines.join('\r\n')}\r\n`;
}

/** e.g. `sweep-departed-admin-20240501-093000.csv`, from when the sweep started (UTC). */
export function sweepExportFileName(keyPairName: string, startedAt: string): string {
  const digits = startedAt.replace(/[^0-9]/g, '');
  const stamp = digits.length >= 14 ? `${digits.slice(0, 8)}-${digits.slice(8, 14)}` : 'sweep';
  return `sweep-${keyPairName.replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}.csv`;
}

/**
 * The whole record of an operation: what was asked, what was left out and why, and every instance's outcome with
 * the full error data (HTTP status, attempts, last cause), and the latest check of where the key still works, for
 * audits and scripts.
 */
export function toJson(result: OperationResult, exposure: ExposureReport | null = null): string {
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
    /** The latest "still exposed" check (every instance where the key still works, by reason), or null. */
    exposure,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** e.g. `detach-key-pair-cn-beijing-20240501-093000.csv`, from when the operation started (UTC). */
export function exportFileName(result: Pick<OperationResult, 'plan' | 'startedAt' | 'operationId'>, extension: 'csv' | 'json'): string {
  const digits = result.startedAt.replace(/[^0-9]/g, '');
  const stamp = digits.length >= 14 ? `${digits.slice(0, 8)}-${digits.slice(8, 14)}` : result.operationId.replace(/[^A-Za-z0-9-]/g, '');
  return `${result.plan.action}-${result.plan.regionId}-${stamp}.${extension}`;
}
