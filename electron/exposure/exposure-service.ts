import type { ExposureReport } from '../../shared/domain/exposure';
import type { OperationResult } from '../../shared/domain/operation';
import { AppError } from '../../shared/errors/app-error';
import { cloudError, type ClientForProfile } from '../cloud/profile-clients';
import type { ReplayedOperation } from '../journal/journal-replay';
import type { JournalRecord } from '../journal/journal-records';
import type { Logger } from '../logging/logger';
import { appRebootStarts, detachesOfKeyPair } from './app-record';
import { classifyExposure } from './classify-exposure';
import { readFresh } from './fresh-reads';

export interface ExposureService {
  /** Where the detach's key still works, read fresh now; journaled, so the history shows the latest check. */
  check(operationId: string): Promise<ExposureReport>;
}

export interface ExposureServiceOptions {
  clientFor: ClientForProfile;
  /** The operation as the app shows it: from this process when it ran here, else from the journal. */
  findOperation: (operationId: string) => Promise<OperationResult>;
  /** Every operation the journal holds, archives included: the app's record of detaches and reboots. */
  journalOperations: () => Promise<ReplayedOperation[]>;
  journal: { append(record: JournalRecord): Promise<void> };
  logger: Logger;
  now: () => Date;
}

export function createExposureService(options: ExposureServiceOptions): ExposureService {
  return {
    async check(operationId) {
      const result = await options.findOperation(operationId);
      const { plan } = result;
      if (plan.action !== 'detach-key-pair' || plan.keyPair === null) {
        throw new AppError('EXPOSURE_NOT_A_DETACH', 'Only a detach can be checked for where its key still works.');
      }
      const journal = await options.journalOperations();
      const { detachedAt } = detachesOfKeyPair(result, journal);
      const rebootStarts = appRebootStarts(plan.profileId, plan.regionId, journal);
      // Every instance the plan named or left out too: when the key's listing fails, the read by ID still shows
      // which of them are bound. An ID main never read is no instance to ask about.
      const leftOut = plan.excluded.filter((entry) => entry.reason !== 'not-in-inventory').map((entry) => entry.instanceId);
      const toRead = [...new Set([...plan.instanceIds, ...leftOut, ...detachedAt.keys()])];
      const client = await options.clientFor(plan.profileId, plan.regionId).catch((error: unknown) => {
        throw cloudError(error);
      });
      const checkedAt = options.now().toISOString();
      let reads;
      try {
        reads = await readFresh(client, plan.keyPair, toRead);
      } finally {
        await client.close();
      }
      const report: ExposureReport = {
        operationId,
        checkedAt,
        regionId: plan.regionId,
        keyPair: plan.keyPair,
        ...classifyExposure({ result, bound: reads.bound, read: reads.read, detachedAt, rebootStarts }),
        problems: reads.problems,
      };
      try {
        await options.journal.append({ type: 'exposure-checked', operationId, at: checkedAt, report });
      } catch {
        // The answer stands; only the history's copy of it is missing.
        options.logger.error('an exposure check could not be recorded', { operationId });
      }
      return report;
    },
  };
}
