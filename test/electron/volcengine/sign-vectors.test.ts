import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signRequest } from '../../../electron/volcengine/sign';
import {
  authorizationHeader,
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  emptyBodySha256,
  formatXDate,
  sha256Hex,
  signatureHex,
  stringToSign,
} from '../../../electron/volcengine/signing-primitives';

// The published vectors are read at test time, so an edit to the fixture can never drift from what is asserted.
const vectorFileSchema = z.object({
  inputs: z.object({
    accessKeyId: z.string(),
    secretAccessKey: z.string(),
    region: z.string(),
    service: z.string(),
    host: z.string(),
    method: z.string(),
    path: z.string(),
    body: z.string(),
    date: z.string(),
  }),
  vectors: z
    .array(
      z.object({
        name: z.string(),
        query: z.record(z.string(), z.string()),
        canonicalQuery: z.string(),
        canonicalRequest: z.string(),
        canonicalRequestSha256: z.string(),
        stringToSign: z.string(),
        signingKeyHex: z.string(),
        headers: z.record(z.string(), z.string()),
      }),
    )
    .min(1),
});

const fixture = vectorFileSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/volcengine-vectors.json', import.meta.url), 'utf8')),
);
const { inputs } = fixture;
const date = new Date(inputs.date);
const signedHeaderNames = ['Host', 'X-Date', 'X-Content-Sha256'];

function signatureOf(authorization: string | undefined): string {
  const match = /Signature=([0-9a-f]{64})$/.exec(authorization ?? '');
  if (match?.[1] === undefined) throw new Error('the vector has no Signature in its Authorization header');
  return match[1];
}

describe.each(fixture.vectors)('published vector "$name"', (vector) => {
  const xDate = formatXDate(date);
  const shortDate = xDate.slice(0, 8);
  const scope = credentialScope(shortDate, inputs.region, inputs.service);
  const headers = { Host: inputs.host, 'X-Date': xDate, 'X-Content-Sha256': sha256Hex(inputs.body) };

  it('has the body hash, X-Date and Host the vector sends', () => {
    expect(sha256Hex(inputs.body)).toBe(emptyBodySha256);
    expect(headers).toEqual({
      Host: vector.headers['Host'],
      'X-Date': vector.headers['X-Date'],
      'X-Content-Sha256': vector.headers['X-Content-Sha256'],
    });
  });

  it('builds the canonical query byte for byte', () => {
    expect(canonicalQueryString(vector.query)).toBe(vector.canonicalQuery);
  });

  it('builds the canonical request and its SHA-256 byte for byte', () => {
    const text = canonicalRequest({
      method: inputs.method,
      path: inputs.path,
      canonicalQuery: canonicalQueryString(vector.query),
      headers,
      signedHeaders: signedHeaderNames,
      bodySha256: sha256Hex(inputs.body),
    });
    expect(text).toBe(vector.canonicalRequest);
    expect(sha256Hex(text)).toBe(vector.canonicalRequestSha256);
  });

  it('builds the string to sign byte for byte', () => {
    expect(stringToSign(xDate, scope, vector.canonicalRequest)).toBe(vector.stringToSign);
  });

  it('derives the signing key byte for byte', () => {
    const key = deriveSigningKey(inputs.secretAccessKey, shortDate, inputs.region, inputs.service);
    expect(key.toString('hex')).toBe(vector.signingKeyHex);
  });

  it('computes the signature and the Authorization header byte for byte', () => {
    const key = deriveSigningKey(inputs.secretAccessKey, shortDate, inputs.region, inputs.service);
    const signature = signatureHex(key, vector.stringToSign);
    expect(signature).toBe(signatureOf(vector.headers['Authorization']));
    expect(authorizationHeader(inputs.accessKeyId, scope, signedHeaderNames, signature)).toBe(
      vector.headers['Authorization'],
    );
  });

  it('signRequest returns exactly the vector headers and canonical query', () => {
    const signed = signRequest({
      method: inputs.method,
      host: inputs.host,
      path: inputs.path,
      query: vector.query,
      body: inputs.body,
      region: inputs.region,
      service: inputs.service,
      credentials: { accessKeyId: inputs.accessKeyId, secretAccessKey: inputs.secretAccessKey },
      date,
    });
    expect(signed.canonicalQuery).toBe(vector.canonicalQuery);
    expect(signed.headers).toEqual(vector.headers);
  });

  it('signRequest gives the same result when the query arrives in another key order', () => {
    const reversed = Object.fromEntries(Object.entries(vector.query).reverse());
    const signed = signRequest({
      method: inputs.method,
      host: inputs.host,
      path: inputs.path,
      query: reversed,
      region: inputs.region,
      service: inputs.service,
      credentials: { accessKeyId: inputs.accessKeyId, secretAccessKey: inputs.secretAccessKey },
      date,
    });
    expect(signed.canonicalQuery).toBe(vector.canonicalQuery);
    expect(signed.headers['Authorization']).toBe(vector.headers['Authorization']);
  });
});
