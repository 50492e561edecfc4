import type { SignRequestInput } from '../../../../electron/volcengine/sign';
import type { SeededRandom } from '../../../../simulator/seeded-random';

/**
 * Generates `signRequest` inputs shaped like real ECS calls (Action, Version, InstanceIds.N, TagFilters.N.Values.M
 * ...) whose VALUES stress the encoder: reserved ASCII, controls, CJK, emoji (4-byte UTF-8, ZWJ sequences),
 * full-width forms, combining marks, BOM, U+FFFD and empty strings. Keys stay ASCII letters/digits/`.-_~` starting
 * with a letter, as every ECS parameter does; keys outside that set are where the official signer departs from
 * the spec, which the differential test covers separately.
 */

/** Single code points and short sequences, grouped so every kind appears often. */
const textAlphabets: readonly (readonly string[])[] = [
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~'],
  [...' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}'],
  ['\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u00a0', '\u2028', '\u3000'],
  ['é', 'ß', 'ÿ', 'Ω', 'ж', 'ע', 'ع', 'ñ', 'e\u0301'],
  ['测', '试', '火', '山', '引', '擎', '服', '务', '器', '名', 'カ', '한'],
  ['😀', '🔑', '👩‍💻', '🇨🇳', '𠀀', '𝄞', '\u{10ffff}', '\u{1f9ea}'],
  ['！', 'Ａ', '～', '\ufeff', '\ufffd', '\uffff', '\ue000', '\u{f0000}'],
];

function randomText(random: SeededRandom, maxLength: number): string {
  if (random.chance(0.12)) return '';
  const length = random.int(1, maxLength);
  let text = '';
  for (let index = 0; index < length; index += 1) text += random.pick(random.pick(textAlphabets));
  return text;
}

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomId(random: SeededRandom, prefix: string): string {
  let id = prefix;
  for (let index = 0; index < 20; index += 1) id += idAlphabet.charAt(random.int(0, idAlphabet.length - 1));
  return id;
}

function randomListLength(random: SeededRandom): number {
  return random.pick([0, 1, 2, 3, 9, 10, 11, 12, 19, 20, 21, 99, 100, random.int(0, 120)]);
}

function addInstanceIds(random: SeededRandom, query: Record<string, string>): void {
  const count = randomListLength(random);
  for (let index = 1; index <= count; index += 1) {
    query[`InstanceIds.${index}`] = random.chance(0.9) ? randomId(random, 'i-') : randomText(random, 12);
  }
}

function addTagFilters(random: SeededRandom, query: Record<string, string>): void {
  const filterCount = random.int(1, 12);
  for (let filter = 1; filter <= filterCount; filter += 1) {
    query[`TagFilters.${filter}.Key`] = randomText(random, 10);
    const valueCount = random.int(0, 11);
    for (let value = 1; value <= valueCount; value += 1) {
      query[`TagFilters.${filter}.Values.${value}`] = randomText(random, 10);
    }
  }
}

function addSimpleList(random: SeededRandom, query: Record<string, string>, name: string): void {
  const count = randomListLength(random);
  for (let index = 1; index <= count; index += 1) query[`${name}.${index}`] = randomText(random, 16);
}

const scalarParameters = [
  'InstanceName',
  'KeyPairName',
  'KeyPairId',
  'ClientToken',
  'NextToken',
  'MaxResults',
  'ForceStop',
  'DryRun',
  'ProjectName',
  'Status',
  'ZoneId',
  'VpcId',
  'PrimaryIpAddress',
  'FingerPrint',
  'InstanceChargeType',
] as const;

const keyStartAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const keyRestAlphabet = `${keyStartAlphabet}0123456789-_.~`;

/** Keys no ECS action has, still within the set where raw and encoded order coincide. */
function randomUnreservedKey(random: SeededRandom): string {
  let key = keyStartAlphabet.charAt(random.int(0, keyStartAlphabet.length - 1));
  const length = random.int(0, 12);
  for (let index = 0; index < length; index += 1) {
    key += keyRestAlphabet.charAt(random.int(0, keyRestAlphabet.length - 1));
  }
  return key;
}

const actions = [
  'DetachKeyPair',
  'AttachKeyPair',
  'DescribeInstances',
  'DescribeKeyPairs',
  'RebootInstances',
  'DescribeRegions',
] as const;

function randomQuery(random: SeededRandom): Record<string, string> {
  const query: Record<string, string> = {
    Action: random.pick(actions),
    Version: '2020-04-01',
  };
  if (random.chance(0.7)) addInstanceIds(random, query);
  if (random.chance(0.35)) addTagFilters(random, query);
  if (random.chance(0.25)) addSimpleList(random, query, random.pick(['KeyPairNames', 'KeyPairIds', 'RegionIds']));
  for (const name of scalarParameters) {
    if (random.chance(0.3)) query[name] = randomText(random, 24);
  }
  const extraKeyCount = random.chance(0.3) ? random.int(1, 4) : 0;
  for (let index = 0; index < extraKeyCount; index += 1) query[randomUnreservedKey(random)] = randomText(random, 8);
  return query;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomBase64(random: SeededRandom, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text += base64Alphabet.charAt(random.int(0, base64Alphabet.length - 1));
  }
  return `${text}${random.pick(['', '=', '=='])}`;
}

function randomSessionToken(random: SeededRandom): string | undefined {
  const kind = random.int(0, 9);
  if (kind < 5) return undefined;
  // The CLI's config holds "" for access-key profiles: both signers must treat it as no token.
  if (kind === 5) return '';
  return `STS2${randomBase64(random, random.int(40, 600))}`;
}

const regions = [
  'cn-beijing',
  'cn-shanghai',
  'cn-guangzhou',
  'cn-hongkong',
  'ap-southeast-1',
  'ap-southeast-3',
  'cn-beijing-autodriving',
  'cn-north-1',
] as const;

const extraHeaderNames = [
  'X-Request-Trace',
  'x-custom-flag',
  'X-Top-Account-Id',
  'Accept',
  'Content-Type',
  'User-Agent',
] as const;

/** Values exercise the whitespace collapsing of canonical header values: runs, tabs, leading and trailing. */
function randomHeaderValue(random: SeededRandom): string {
  const shapes = ['', 'plain', '  padded  ', 'a  b\t\tc', '\tx y\t', 'application/json; charset=utf-8'];
  return random.chance(0.2) ? randomBase64(random, 12) : random.pick(shapes);
}

function randomHeaders(random: SeededRandom): Record<string, string> | undefined {
  if (!random.chance(0.3)) return undefined;
  const headers: Record<string, string> = {};
  const count = random.int(1, 3);
  for (let index = 0; index < count; index += 1) headers[random.pick(extraHeaderNames)] = randomHeaderValue(random);
  return headers;
}

/** From 1970 to 2099, milliseconds included (the X-Date drops them). */
function randomDate(random: SeededRandom): Date {
  if (random.chance(0.05)) return new Date(Date.UTC(random.int(1970, 2099), 11, 31, 23, 59, 59, 999));
  return new Date(random.int(0, 4_102_444_799_999));
}

export function randomSignRequest(random: SeededRandom): SignRequestInput {
  const secretAccessKey = random.chance(0.9) ? randomBase64(random, 40) : `${randomBase64(random, 8)}密钥🔑`;
  return {
    method: random.pick(['GET', 'GET', 'GET', 'GET', 'POST', 'get']),
    host: random.pick(['open.volcengineapi.com', '127.0.0.1:8443', 'ecs.cn-beijing.volcengineapi.com', 'localhost']),
    path: random.pick(['/', '/', '/', '/v1/resource', '/a.b/c-d_e~']),
    query: randomQuery(random),
    headers: randomHeaders(random),
    body: random.chance(0.85) ? undefined : random.pick(['', '{"InstanceIds":["i-1"]}', randomText(random, 40)]),
    region: random.chance(0.9) ? random.pick(regions) : `xx-${randomUnreservedKey(random).replace(/[~.]/g, '')}`,
    service: random.pick(['ecs', 'ecs', 'ecs', 'iam', 'vpc']),
    credentials: {
      accessKeyId: `AKLT${randomBase64(random, 30).replace(/[+/=]/g, 'Q')}`,
      secretAccessKey,
      sessionToken: randomSessionToken(random),
    },
    date: randomDate(random),
  };
}
