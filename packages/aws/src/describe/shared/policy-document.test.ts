import { UnknownValue } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import {
  deniedBelowTlsVersion,
  insecureTransportDenials,
  parsePolicyDocument,
  publicStatements,
  wildcardIdentityStatements,
  wildcardPublicStatements,
} from './policy-document.js';

function parsed(value: unknown) {
  const document = parsePolicyDocument(value);
  if (document.state !== 'parsed') throw new Error(document.reason);
  return document;
}

describe('parsePolicyDocument', () => {
  it.each<[string, unknown, string]>([
    ['unknown', new UnknownValue('x'), 'the policy is known only after apply'],
    ['not JSON', '{"Statement": [', 'the policy is not valid JSON'],
    ['not an object', '[]', 'the policy is not a JSON object'],
  ])('%s → unknown', (_, value, reason) => {
    expect(parsePolicyDocument(value)).toEqual({ state: 'unknown', reason });
  });

  it('accepts a single statement object and an object document', () => {
    expect(parsed({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }).statements).toHaveLength(1);
  });
});

describe('grants', () => {
  const allow = (extra: object) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...extra });
  it.each<[string, object, boolean]>([
    ['Principal "*"', allow({ Principal: '*' }), true],
    ['{"AWS": "*"}', allow({ Principal: { AWS: '*' } }), true],
    ['NotPrincipal', allow({ NotPrincipal: { AWS: 'arn:aws:iam::1:root' } }), true],
    ['a service principal', allow({ Principal: { Service: 'cloudfront.amazonaws.com' } }), false],
    [
      'pinned to an organisation',
      allow({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } } }),
      false,
    ],
    [
      'pinned to a source IP range',
      allow({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }),
      false,
    ],
    [
      '"pinned" to every address',
      allow({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }),
      true,
    ],
    [
      'a condition that does not pin the caller',
      allow({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      true,
    ],
    ['a Deny', { ...allow({ Principal: '*' }), Effect: 'Deny' }, false],
  ])('public: %s', (_, statement, expected) => {
    expect(publicStatements(parsed({ Statement: [statement] })).length > 0).toBe(expected);
  });

  it.each<[string, object, boolean, boolean]>([
    ['s3:* to everyone', { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, true, true],
    [
      'S3:* (actions are case-insensitive)',
      { Effect: 'Allow', Principal: '*', Action: ['S3:*'], Resource: '*' },
      true,
      true,
    ],
    [
      's3:Get* to everyone',
      { Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: '*' },
      false,
      false,
    ],
    ['* on one resource', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::x' }, false, false],
  ])('wildcard: %s', (_, statement, resourcePolicy, identityPolicy) => {
    const document = parsed({ Statement: [statement] });
    expect(wildcardPublicStatements(document, ['s3']).length > 0).toBe(resourcePolicy);
    expect(wildcardIdentityStatements(document, ['s3']).length > 0).toBe(identityPolicy);
  });

  it('finds TLS enforcement', () => {
    const document = parsed({
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': false } },
        },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
        },
      ],
    });
    expect(insecureTransportDenials(document).map((s) => s.index)).toEqual([0]);
    expect(deniedBelowTlsVersion(document)?.version).toBe('1.2');
    expect(
      deniedBelowTlsVersion(
        parsed({
          Statement: [{ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } }],
        }),
      )?.version,
    ).toBe('1.2');
  });
});
