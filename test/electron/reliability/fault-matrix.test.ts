import { describe, expect, it } from 'vitest';
import { matrixActions, type MatrixAction } from './support/cell-report';
import type { InventoryCellEvidence } from './support/inventory-cell';
import type { KeyListingCellEvidence } from './support/key-listing-cell';
import type { ZoneListingCellEvidence } from './support/zone-listing-cell';
import type { ListingEvidence } from './support/listing-evidence';
import { matrixFaults, retryAfterSeconds, type MatrixFault } from './support/matrix-faults';
import { matrixSettings } from './support/matrix-settings';
import type { OperationCellEvidence } from './support/operation-cell';
import type { OutcomeStatus } from './support/outcome-views';
import { runMatrixCell, type MatrixCellRun } from './support/run-matrix';

/*
 * Issue 6's fault matrix, with issue 12's listings: each fault against inventory paging, the zone-parallel and the
 * key-scoped listing, DetachKeyPair, AttachKeyPair and RebootInstances, through the
 * renderer's stores over the real core and a real simulator. Every cell must end with no outcome lost and no
 * instance changed twice; beyond that, each cell checks the path it exists for: the transient fault is retried to
 * success with the same ClientToken, the persistent one ends as the truth allows (failed when nothing can have been
 * applied, unknown when it may have been), a re-check settles what it can, and a second run of what failed applies
 * each instance once.
 */

/** What a batch that meets the fault on every attempt ends as, before any follow-up. */
const givenUpAs: Record<MatrixFault, OutcomeStatus> = {
  timeout: 'unknown',
  'reset-after-apply': 'unknown',
  // The service may have begun the work before it failed; the client cannot know it did not.
  'http-500': 'unknown',
  // "Still being processed": a request with this token is in the service's hands.
  'http-412': 'unknown',
  'http-429': 'failed',
  // A 502 page from a proxy says nothing about what the service behind it did.
  'html-body': 'unknown',
  'truncated-json': 'unknown',
  'dns-failure': 'failed',
  'connection-refused': 'failed',
  'clock-skew': 'failed',
};

/** Whether the simulator applied the change before the fault spoiled the answer (what a re-check finds). */
const appliedBeforeTheFault: Record<MatrixFault, boolean> = {
  timeout: true,
  'reset-after-apply': true,
  'http-500': false,
  'http-412': false,
  'http-429': false,
  'html-body': false,
  'truncated-json': true,
  'dns-failure': false,
  'connection-refused': false,
  'clock-skew': false,
};

const distinct = <T>(values: readonly T[]) => [...new Set(values)];

function expectThePromiseKept(run: MatrixCellRun): void {
  expect(run.problems).toEqual([]);
  expect(run.report.lost).toBe(0);
  expect(run.report.doubleApplied).toBe(0);
  expect(run.report.succeeded + run.report.failed + run.report.unknown).toBe(run.report.instances);
}

function expectRetryAfterHonoured(fault: MatrixFault, waits: readonly number[]): void {
  if (fault !== 'http-429') return;
  expect(waits.length).toBeGreaterThan(0);
  expect(Math.min(...waits)).toBeGreaterThanOrEqual(retryAfterSeconds * 1000);
}

function expectOperationCell(fault: MatrixFault, action: MatrixAction, evidence: OperationCellEvidence): void {
  const { maxAttempts } = matrixSettings;
  for (const batch of evidence.batches) {
    if (batch.role === 'persistent') {
      expect(distinct(batch.statuses)).toEqual([givenUpAs[fault]]);
      // A clock skew is a 403, which is never retried; every other fault is retried until the policy gives up.
      expect(batch.attempts).toBe(fault === 'clock-skew' ? 1 : maxAttempts);
      // A re-check settles a key change (the key gone, or bound), never a reboot, which leaves no trace.
      const settled = (action === 'DetachKeyPair' || action === 'AttachKeyPair') && givenUpAs[fault] === 'unknown';
      const afterRecheck = settled ? (appliedBeforeTheFault[fault] ? 'succeeded' : 'failed') : givenUpAs[fault];
      expect(distinct(batch.statusesAfterRecheck)).toEqual([afterRecheck]);
    } else {
      expect(distinct(batch.statuses)).toEqual(['succeeded']);
      if (batch.role === 'transient-once') expect(batch.attempts).toBe(2);
      if (batch.role === 'transient-until-last') expect(batch.attempts).toBe(maxAttempts);
    }
  }
  expect(evidence.rechecked).toBe(evidence.batches.some((batch) => batch.statuses.includes('unknown')));
  const failedAfterFirstRun = evidence.batches.flatMap((batch) => batch.instanceIds.filter((_, index) => batch.statusesAfterRecheck[index] === 'failed'));
  if (failedAfterFirstRun.length === 0) {
    expect(evidence.rerun).toBeNull();
  } else {
    expect(evidence.rerun?.instanceIds).toEqual(failedAfterFirstRun);
    expect(distinct(evidence.rerun!.statuses)).toEqual(['succeeded']);
  }
  expectRetryAfterHonoured(fault, evidence.waits);
}

const whole = (listing: ListingEvidence) => ({ state: 'complete', shown: listing.instances });
/** What a listing that meets the fault on every attempt ends with: incomplete, and why. */
const givenUpListing = (fault: MatrixFault) => ({ state: 'incomplete', errorCode: fault === 'clock-skew' ? 'InvalidTimestamp' : 'ECS_RETRIES_EXHAUSTED' });

function expectInventoryCell(fault: MatrixFault, evidence: InventoryCellEvidence): void {
  expect(evidence.transient).toMatchObject(whole(evidence.transient));
  // Incomplete, said so, and what arrived (the first page; nothing under a skewed clock) kept, never as the region.
  expect(evidence.persistent).toMatchObject({ ...givenUpListing(fault), shown: fault === 'clock-skew' ? 0 : 100 });
  expect(evidence.reloaded).toMatchObject(whole(evidence.reloaded));
  // The transient fault struck twice, so the client waited at least twice before the pages went on.
  if (fault !== 'clock-skew') expect(evidence.waits.length).toBeGreaterThanOrEqual(2);
  expectRetryAfterHonoured(fault, evidence.waits);
}

function expectZoneListingCell(fault: MatrixFault, evidence: ZoneListingCellEvidence): void {
  expect(evidence.mode).toBe('zones');
  expect(evidence.transient).toMatchObject(whole(evidence.transient));
  expect(evidence.persistent).toMatchObject(givenUpListing(fault));
  if (fault === 'clock-skew') {
    // The gateway's clock refuses the first page too: no zone is listed. (The rows of the listing before stay on
    // screen, under the notice that this one is incomplete: a refresh never empties the table.)
    expect(evidence.persistentZones).toEqual([]);
  } else {
    // The one zone failed; the others were listed whole.
    const states = Object.fromEntries(evidence.persistentZones.map((zone) => [zone.zoneId, zone.state]));
    expect(states[evidence.brokenZone]).toBe('failed');
    expect(Object.values(states).filter((state) => state === 'complete')).toHaveLength(3);
    const brokenSize = evidence.persistentZones.find((zone) => zone.zoneId === evidence.brokenZone)?.totalCount ?? null;
    expect(brokenSize).toBeNull();
    const listedElsewhere = evidence.persistentZones.filter((zone) => zone.state === 'complete').reduce((sum, zone) => sum + zone.received, 0);
    expect(evidence.persistent.shown).toBeGreaterThanOrEqual(listedElsewhere);
    expect(evidence.waits.length).toBeGreaterThanOrEqual(2);
  }
  expect(evidence.reloaded).toMatchObject(whole(evidence.reloaded));
  expectRetryAfterHonoured(fault, evidence.waits);
}

function expectKeyListingCell(fault: MatrixFault, evidence: KeyListingCellEvidence): void {
  expect(evidence.transient).toMatchObject(whole(evidence.transient));
  expect(evidence.persistent).toMatchObject(givenUpListing(fault));
  // Nothing can be selected, so nothing can be planned, from a partial list of the key's instances.
  expect(evidence.persistentSelectionWait).toBe('key-listing-incomplete');
  expect(evidence.persistentSelectable).toBe(0);
  expect(evidence.reloaded).toMatchObject(whole(evidence.reloaded));
  expect(evidence.plannedAfterReload).toBe(evidence.reloaded.instances);
  if (fault !== 'clock-skew') expect(evidence.waits.length).toBeGreaterThanOrEqual(2);
  expectRetryAfterHonoured(fault, evidence.waits);
}

describe.each(matrixFaults)('fault matrix: %s', (fault) => {
  it.each(matrixActions)('%s: every instance ends succeeded, failed or unknown, on record everywhere, none changed twice', async (action) => {
    const run = await runMatrixCell(fault, action);
    expectThePromiseKept(run);
    const { evidence } = run;
    if (evidence.kind === 'inventory') expectInventoryCell(fault, evidence);
    else if (evidence.kind === 'zone-listing') expectZoneListingCell(fault, evidence);
    else if (evidence.kind === 'key-listing') expectKeyListingCell(fault, evidence);
    else expectOperationCell(fault, action, evidence);
  });
});
