import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileInputSchema, profileUpdateSchema, type ProfileSummary } from '../../../../shared/domain/profile';
import { profileRequest, type ProfileFormValues } from '../../../../renderer/src/features/profiles/profile-request';

// The form checks the shared rules without zod; main checks its zod schemas built from the same rules. They must
// agree on every input: what the form lets through main accepts, and the form flags what main would refuse.

const valid: ProfileFormValues = {
  name: 'Production',
  accessKeyId: 'AKLTexample0123',
  secretAccessKey: 'secret-example-0123',
  sessionToken: '',
  region: 'cn-beijing',
  endpoint: '',
  accountId: '',
  removeSessionToken: false,
};

const existing: ProfileSummary = {
  id: 'profile-0001',
  name: 'Production',
  accessKeyHint: 'AKLT…0123',
  region: 'cn-beijing',
  endpoint: null,
  accountId: null,
  hasSessionToken: true,
  lastVerifiedAt: null,
};

function mainCreate(values: ProfileFormValues) {
  const empty = (value: string) => (value.trim() === '' ? undefined : value);
  return profileInputSchema.safeParse({
    name: values.name,
    accessKeyId: values.accessKeyId,
    secretAccessKey: values.secretAccessKey,
    sessionToken: empty(values.sessionToken),
    region: values.region,
    endpoint: empty(values.endpoint),
    accountId: empty(values.accountId),
  });
}

function mainUpdate(values: ProfileFormValues) {
  const empty = (value: string) => (value.trim() === '' ? undefined : value);
  return profileUpdateSchema.safeParse({
    id: existing.id,
    name: values.name,
    accessKeyId: empty(values.accessKeyId),
    secretAccessKey: empty(values.secretAccessKey),
    sessionToken: values.removeSessionToken ? null : empty(values.sessionToken),
    region: values.region,
    endpoint: empty(values.endpoint) ?? null,
    accountId: empty(values.accountId) ?? null,
  });
}

const fieldText = fc.oneof(
  fc.constantFrom('', ' ', '  x  ', '0123456789', '12345678901234567890', '123456789012345678901', 'ab c', 'cn-shanghai', 'CN', '密钥'),
  fc.constantFrom('https://ecs.example.com', 'http://127.0.0.1:8080', 'http://ecs.example.com', 'https://u:p@h.com', 'https://h.com/x'),
  fc.string({ unit: fc.constantFrom('a', 'Z', '7', '-', '+', '/', '=', '_', ' ', '!', '~', '\n', '中'), maxLength: 140 }),
);

const formValues = fc.record({
  name: fieldText,
  accessKeyId: fieldText,
  secretAccessKey: fieldText,
  sessionToken: fieldText,
  region: fieldText,
  endpoint: fieldText,
  accountId: fieldText,
  removeSessionToken: fc.boolean(),
});

describe('the profile form request', () => {
  it('sends a valid new profile trimmed, with empty optional fields left out', () => {
    expect(profileRequest({ ...valid, name: '  Production  ', accountId: ' 2100012345 ' }, undefined)).toEqual({
      create: { name: 'Production', accessKeyId: 'AKLTexample0123', secretAccessKey: 'secret-example-0123', region: 'cn-beijing', accountId: '2100012345' },
    });
  });

  it('flags each field that breaks its rule, and only those', () => {
    const request = profileRequest({ ...valid, accessKeyId: 'short', accountId: '12a', endpoint: 'http://ecs.example.com' }, undefined);
    expect(request).toEqual({ errors: new Set(['accessKeyId', 'accountId', 'endpoint']) });
  });

  it('keeps secrets when editing leaves them empty, and removes the session token when asked', () => {
    expect(profileRequest({ ...valid, accessKeyId: '', secretAccessKey: '', removeSessionToken: true }, existing)).toEqual({
      update: { id: existing.id, name: 'Production', sessionToken: null, region: 'cn-beijing', endpoint: null, accountId: null },
    });
  });

  it('agrees with main on every new profile: the same fields refused, the same request accepted', () => {
    fc.assert(
      fc.property(formValues, (values) => {
        const form = profileRequest(values, undefined);
        const main = mainCreate(values);
        if (main.success) expect(form).toEqual({ create: main.data });
        else expect(form).toEqual({ errors: new Set(main.error.issues.map((issue) => String(issue.path[0]))) });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with main on every change to a profile', () => {
    fc.assert(
      fc.property(formValues, (values) => {
        const form = profileRequest(values, existing);
        const main = mainUpdate(values);
        if (main.success) expect(form).toEqual({ update: main.data });
        else expect(form).toEqual({ errors: new Set(main.error.issues.map((issue) => String(issue.path[0]))) });
      }),
      { numRuns: 500 },
    );
  });
});
