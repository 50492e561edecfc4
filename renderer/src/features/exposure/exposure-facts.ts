import type { ExposedInstance, ExposureBucket, ExposureReport } from '../../../../shared/domain/exposure';
import { isExclusionReason } from '../../../../shared/domain/exclusion-reasons';
import type { MessageKey } from '../../i18n/messages';

/** The buckets a failed read feeds: their counts are lower bounds (see ExposureReport.problems). */
export function partialBuckets(report: ExposureReport): ReadonlySet<ExposureBucket> {
  const partial = new Set<ExposureBucket>();
  for (const { read } of report.problems) {
    if (read === 'key-pair-listing') ['failed', 'notSent', 'leftOut'].forEach((bucket) => partial.add(bucket as ExposureBucket));
    else partial.add('notYetRebooted');
  }
  return partial;
}

/** The instance IDs of one bucket, for filtering the results table. */
export function bucketIds(report: ExposureReport, bucket: ExposureBucket): ReadonlySet<string> {
  return new Set(report.buckets[bucket].map((entry) => entry.instanceId));
}

/** Which bucket each exposed instance is in (each is in exactly one), for the export. */
export function bucketOf(report: ExposureReport): ReadonlyMap<string, { bucket: ExposureBucket; entry: ExposedInstance }> {
  const byId = new Map<string, { bucket: ExposureBucket; entry: ExposedInstance }>();
  for (const bucket of Object.keys(report.buckets) as ExposureBucket[]) {
    for (const entry of report.buckets[bucket]) byId.set(entry.instanceId, { bucket, entry });
  }
  return byId;
}

/**
 * The members of a bucket the results table has no row for: instances left out of the operation, and those a
 * different run for the key pair detached. Filtering the table alone would hide them.
 */
export function offTable(report: ExposureReport, bucket: ExposureBucket, tableIds: ReadonlySet<string>): ExposedInstance[] {
  return report.buckets[bucket].filter((entry) => !tableIds.has(entry.instanceId));
}

/** The message that explains a member's `detail`, or null when the detail is an error code (shown as it is). */
export function detailKey(detail: string): MessageKey | null {
  if (detail === 'not-selected' || detail === 'bound-again' || detail === 'detached') return `exposure.detail.${detail}`;
  return isExclusionReason(detail) ? `operation.exclusion.${detail}` : null;
}

/** "i-abc · web-1 · 172.16.0.2 · not selected": one line per instance, for the off-table list. */
export function describeExposed(entry: ExposedInstance, detailText: string): string {
  return [entry.instanceId, entry.instanceName, entry.privateIp, detailText].filter((part) => part !== null && part !== '').join(' · ');
}
