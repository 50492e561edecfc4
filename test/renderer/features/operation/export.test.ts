import { describe, expect, it } from 'vitest';
import { csvField, exportFileName, sweepExportFileName, toCsv, toJson, toSweepCsv } from '../../../../renderer/src/features/operation/export';
import type { ExposureReport } from '../../../../shared/domain/exposure';
import { failed, makeResult, succeeded, unknown } from './support/operation-fixtures';

const checkedAt = '2024-05-01T10:00:00.000Z';

function exposureReport(overrides: Pick<ExposureReport, 'problems'>): ExposureReport {
  const entry = (instanceId: string, detail: string) => ({ instanceId, instanceName: null, privateIp: null, status: 'RUNNING', detail });
  return {
    operationId: 'op-1',
    checkedAt,
    regionId: 'cn-beijing',
    keyPair: { keyPairId: 'kp-3f9a', keyPairName: 'deploy-2023' },
    buckets: { failed: [entry('i-2', 'InvalidInstanceStatus')], notSent: [], leftOut: [entry('i-win', 'windows')], notYetRebooted: [entry('i-1', 'detached')] },
    total: 3,
    ...overrides,
  };
}

/** A minimal RFC 4180 reader, to check that what toCsv writes reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

describe('CSV export', () => {
  const result = makeResult([
    succeeded('i-1', 'req-1'),
    failed('i-2', 'InvalidInstanceStatus', { message: 'The instance "web, 1" is\nSTARTING', requestId: 'req-2' }),
    unknown('i-3', 'ECS_NETWORK_TIMEOUT'),
    failed('i-4', 'ECS_RETRIES_EXHAUSTED', { message: 'gave up', causeRequestId: 'req-last' }),
  ]);

  it('starts with a UTF-8 byte order mark so Excel reads Chinese text correctly', () => {
    expect(toCsv(result).charCodeAt(0)).toBe(0xfeff);
  });

  it('has the columns instanceId, status, errorCode, errorMessage, requestId, the exposure ones, and one row per instance', () => {
    const rows = parseCsv(toCsv(result).slice(1));
    expect(rows[0]).toEqual(['instanceId', 'status', 'errorCode', 'errorMessage', 'requestId', 'stillExposed', 'exposureDetail', 'exposureCheckedAt']);
    expect(rows.slice(1)).toEqual([
      ['i-1', 'succeeded', '', '', 'req-1', '', '', ''],
      ['i-2', 'failed', 'InvalidInstanceStatus', 'The instance "web, 1" is\nSTARTING', 'req-2', '', '', ''],
      ['i-3', 'unknown', 'ECS_NETWORK_TIMEOUT', 'ECS_NETWORK_TIMEOUT happened', '', '', '', ''],
      ['i-4', 'failed', 'ECS_RETRIES_EXHAUSTED', 'gave up', 'req-last', '', '', ''],
    ]);
  });

  it('says for each instance whether the key still works there and why, then adds the exposed instances the operation did not touch', () => {
    const report = exposureReport({ problems: [] });
    const rows = parseCsv(toCsv(result, report).slice(1));
    expect(rows.slice(1)).toEqual([
      ['i-1', 'succeeded', '', '', 'req-1', 'notYetRebooted', 'detached', checkedAt],
      ['i-2', 'failed', 'InvalidInstanceStatus', 'The instance "web, 1" is\nSTARTING', 'req-2', 'failed', 'InvalidInstanceStatus', checkedAt],
      ['i-3', 'unknown', 'ECS_NETWORK_TIMEOUT', 'ECS_NETWORK_TIMEOUT happened', '', 'no', '', checkedAt],
      ['i-4', 'failed', 'ECS_RETRIES_EXHAUSTED', 'gave up', 'req-last', 'no', '', checkedAt],
      ['i-win', '', '', '', '', 'leftOut', 'windows', checkedAt],
    ]);
  });

  it('says "unknown" rather than "no" when the check could not read everything', () => {
    const report = exposureReport({ problems: [{ read: 'key-pair-listing', error: { code: 'CLOUD_REQUEST_FAILED', message: 'DescribeInstances failed: AccessDenied' } }] });
    const rows = parseCsv(toCsv(result, report).slice(1));
    expect(rows[3]?.slice(5)).toEqual(['unknown', '', checkedAt]);
  });

  it('ends every line, the last included, with CRLF', () => {
    const csv = toCsv(result);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(6);
  });

  it('quotes fields holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField('plain-text_1')).toBe('plain-text_1');
  });

  it('defuses fields a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('keeps Chinese text as it is', () => {
    const rows = parseCsv(toCsv(makeResult([failed('i-1', 'X', { message: '实例状态不允许' })])).slice(1));
    expect(rows[1]?.[3]).toBe('实例状态不允许');
  });
});

describe('JSON export', () => {
  const result = makeResult(
    [succeeded('i-1', 'req-1'), failed('i-2', 'AccessDenied', { requestId: 'req-2' }), unknown('i-3', 'ECS_OPERATION_DETAIL_MISSING')],
    { excluded: [{ instanceId: 'i-win', reason: 'windows' }] },
  );

  it('holds what was asked, the counts, the exclusions and every outcome in full', () => {
    const document: unknown = JSON.parse(toJson(result));
    expect(document).toEqual({
      operationId: 'op-1',
      action: 'detach-key-pair',
      state: 'finished',
      profileName: 'prod',
      accessKeyHint: 'AKLT…9f2c',
      regionId: 'cn-beijing',
      keyPair: { keyPairId: 'kp-3f9a', keyPairName: 'deploy-2023' },
      forceStop: false,
      startedAt: '2024-05-01T09:30:00.000Z',
      finishedAt: '2024-05-01T09:31:10.000Z',
      counts: { total: 3, succeeded: 1, failed: 1, unknown: 1, notSent: 0 },
      excluded: [{ instanceId: 'i-win', reason: 'windows' }],
      outcomes: result.outcomes,
      exposure: null,
    });
  });

  it('carries the latest exposure check whole', () => {
    const report = exposureReport({ problems: [] });
    expect((JSON.parse(toJson(result, report)) as { exposure: unknown }).exposure).toEqual(report);
  });

  it('does not include the planned requests and their client tokens', () => {
    expect(toJson(result)).not.toContain('ClientToken');
  });
});

describe('export file names', () => {
  it('name the action, the region and the start time', () => {
    const result = makeResult([succeeded('i-1')]);
    expect(exportFileName(result, 'csv')).toBe('detach-key-pair-cn-beijing-20240501-093000.csv');
    expect(exportFileName(result, 'json')).toBe('detach-key-pair-cn-beijing-20240501-093000.json');
  });
});

describe('a sweep’s export', () => {
  const multiline = makeResult([succeeded('i-1', 'req-1'), failed('i-2', 'InvalidInstanceStatus', { message: 'line one\nline two', requestId: 'req-2' })]);
  const other = makeResult([succeeded('i-9', 'req-9')]);

  it('is one file whose every row names the profile, the account ID and the region', () => {
    const csv = toSweepCsv([
      { profileName: 'prod', accountId: '2100000001', regionId: 'cn-beijing', result: multiline, exposure: null },
      { profileName: 'staging, eu', accountId: null, regionId: 'cn-shanghai', result: other, exposure: null },
    ]);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]!.slice(0, 5)).toEqual(['profileName', 'accountId', 'regionId', 'instanceId', 'status']);
    // A message with a line break stays one row.
    expect(rows.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['prod', '2100000001', 'cn-beijing', 'i-1', 'succeeded'],
      ['prod', '2100000001', 'cn-beijing', 'i-2', 'failed'],
      ['staging, eu', '', 'cn-shanghai', 'i-9', 'succeeded'],
    ]);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
  });

  it('is named after the key pair and the sweep’s start', () => {
    expect(sweepExportFileName('departed admin', '2024-05-01T09:30:00.000Z')).toBe('sweep-departed_admin-20240501-093000.csv');
  });
});
