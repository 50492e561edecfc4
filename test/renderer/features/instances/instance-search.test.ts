import { describe, expect, it } from 'vitest';
import { matchesTerms, queryTerms, searchTextOf, termsNarrow } from '../../../../renderer/src/features/instances/instance-search';
import { instance } from './instance-fixtures';

const web = instance({
  instanceId: 'i-ABC123',
  instanceName: 'Web-Prod-01',
  privateIp: '172.16.0.5',
  publicIp: '203.0.113.9',
  tags: [{ key: 'Env', value: 'Production' }],
});

const matches = (query: string) => matchesTerms(searchTextOf(web), queryTerms(query));

describe('instance search', () => {
  it('finds an instance by part of its name, ignoring case', () => {
    expect(matches('web-prod')).toBe(true);
    expect(matches('WEB-PROD-01')).toBe(true);
  });

  it('finds an instance by part of its ID, ignoring case', () => {
    expect(matches('abc12')).toBe(true);
  });

  it('finds an instance by part of its private or public IP', () => {
    expect(matches('172.16.0')).toBe(true);
    expect(matches('113.9')).toBe(true);
  });

  it('finds an instance by a tag key, a tag value, or key=value', () => {
    expect(matches('env')).toBe(true);
    expect(matches('production')).toBe(true);
    expect(matches('env=prod')).toBe(true);
  });

  it('does not find an instance by fields outside the search (description, image, OS name)', () => {
    const described = instance({ instanceId: 'i-1', instanceName: 'a', description: 'secret-sauce', imageId: 'img-zzz', osName: 'CentOS' });
    const text = searchTextOf(described);
    expect(matchesTerms(text, queryTerms('secret-sauce'))).toBe(false);
    expect(matchesTerms(text, queryTerms('img-zzz'))).toBe(false);
    expect(matchesTerms(text, queryTerms('centos'))).toBe(false);
  });

  it('requires every whitespace-separated term, each possibly in a different field', () => {
    expect(matches('prod 172.16')).toBe(true);
    expect(matches('prod 10.0.0')).toBe(false);
  });

  it('never matches a term across two fields', () => {
    // The name ends in "01" and the ID starts with "i-": "01i-" exists only if fields were glued together.
    expect(matches('01i-')).toBe(false);
  });

  it('matches everything with an empty or blank query', () => {
    expect(queryTerms('   ')).toEqual([]);
    expect(matches('')).toBe(true);
  });

  it('treats a longer query that contains every previous term as a narrowing', () => {
    expect(termsNarrow(['web'], ['web-'])).toBe(true);
    expect(termsNarrow(['web'], ['web', 'prod'])).toBe(true);
    expect(termsNarrow([], ['x'])).toBe(true);
    expect(termsNarrow(['web-'], ['web'])).toBe(false);
    expect(termsNarrow(['web'], ['prod'])).toBe(false);
  });
});
