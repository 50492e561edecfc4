import { isAllowedEndpoint, meetsTextRule, profileTextRules, regionIdRule, type TextRule } from '../../../../shared/domain/profile-fields';
import type { ProfileInput, ProfileSummary, ProfileUpdate } from '../../../../shared/domain/profile';

export type ProfileField = 'name' | 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'region' | 'endpoint' | 'accountId';

export interface ProfileFormValues {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string;
  endpoint: string;
  accountId: string;
  removeSessionToken: boolean;
}

export type ProfileRequest = { create: ProfileInput } | { update: ProfileUpdate } | { errors: Set<ProfileField> };

/*
 * The form checks the rules main checks (shared/domain/profile-fields.ts) before sending, so a mistake is shown on
 * its field at once; main validates the request again with its schemas. Texts are sent trimmed, as main keeps them.
 */

/** Checks each field; an optional field left empty is left out (`undefined`), as main expects. */
class FieldChecker {
  readonly errors = new Set<ProfileField>();

  text(field: ProfileField, rule: TextRule, raw: string, optional: boolean): string | undefined {
    const value = raw.trim();
    if (optional && value === '') return undefined;
    if (!meetsTextRule(rule, value)) this.errors.add(field);
    return value;
  }

  region(raw: string): string {
    if (!meetsTextRule(regionIdRule, raw)) this.errors.add('region');
    return raw;
  }

  endpoint(raw: string): string | undefined {
    const value = raw.trim();
    if (value === '') return undefined;
    if (!isAllowedEndpoint(value)) this.errors.add('endpoint');
    return value;
  }
}

/** The request for main from the form's values, or the fields that break a rule. */
export function profileRequest(values: ProfileFormValues, profile: ProfileSummary | undefined): ProfileRequest {
  const check = new FieldChecker();
  const rules = profileTextRules;
  if (profile === undefined) {
    const create: ProfileInput = {
      name: check.text('name', rules.name, values.name, false)!,
      accessKeyId: check.text('accessKeyId', rules.accessKeyId, values.accessKeyId, false)!,
      secretAccessKey: check.text('secretAccessKey', rules.secretAccessKey, values.secretAccessKey, false)!,
      sessionToken: check.text('sessionToken', rules.sessionToken, values.sessionToken, true),
      region: check.region(values.region),
      endpoint: check.endpoint(values.endpoint),
      accountId: check.text('accountId', rules.accountId, values.accountId, true),
    };
    return check.errors.size > 0 ? { errors: check.errors } : { create: withoutUndefined(create) };
  }
  const update: ProfileUpdate = {
    id: profile.id,
    name: check.text('name', rules.name, values.name, false),
    accessKeyId: check.text('accessKeyId', rules.accessKeyId, values.accessKeyId, true),
    secretAccessKey: check.text('secretAccessKey', rules.secretAccessKey, values.secretAccessKey, true),
    sessionToken: values.removeSessionToken ? null : check.text('sessionToken', rules.sessionToken, values.sessionToken, true),
    region: check.region(values.region),
    endpoint: check.endpoint(values.endpoint) ?? null,
    accountId: check.text('accountId', rules.accountId, values.accountId, true) ?? null,
  };
  return check.errors.size > 0 ? { errors: check.errors } : { update: withoutUndefined(update) };
}

/** Fields left out are absent, not `undefined`, like the object zod's parse returned. */
function withoutUndefined<T extends object>(request: T): T {
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as T;
}
