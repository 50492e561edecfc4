import { describe, expect, it } from 'vitest';
import { createJobRegistry } from '../../../electron/jobs/job-registry';

/** A job that runs until its signal aborts, and says whether it was aborted. */
function untilAborted(signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted')));
}

describe('the job registry', () => {
  it('cancels a job by its ID and forgets it once it has ended', async () => {
    const jobs = createJobRegistry();
    const job = jobs.run('job-1', untilAborted);
    expect(jobs.size()).toBe(1);
    expect(jobs.cancel('job-1')).toBe(true);
    await expect(job).resolves.toBe('aborted');
    expect(jobs.size()).toBe(0);
    expect(jobs.cancel('job-1')).toBe(false);
  });

  it('cancels the job running under an ID when another starts under it, and keeps the new one', async () => {
    const jobs = createJobRegistry();
    const first = jobs.run('job-1', untilAborted);
    const second = jobs.run('job-1', untilAborted);
    await expect(first).resolves.toBe('aborted');
    // The first one ending must not take the second out of the registry: it can still be cancelled.
    expect(jobs.size()).toBe(1);
    expect(jobs.cancel('job-1')).toBe(true);
    await expect(second).resolves.toBe('aborted');
    expect(jobs.size()).toBe(0);
  });

  it('forgets a job that failed', async () => {
    const jobs = createJobRegistry();
    await expect(jobs.run('job-1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(jobs.size()).toBe(0);
  });
});
