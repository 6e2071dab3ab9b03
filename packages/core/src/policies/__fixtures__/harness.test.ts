import { describe, expect, it } from 'vitest';
import { inRegion, resource } from '../../graph/__fixtures__/resource.js';
import { knownFact } from '../../model/evidence.js';
import { rule as RES001 } from '../residency/EU-RES-001.js';
import { checkRows, type RuleRow, runRule } from './harness.js';

const bucket = resource('aws_s3_bucket.data');

describe('checkRows', () => {
  it.each<{ name: string; rows: RuleRow[]; error: string | null }>([
    {
      name: 'distinct rows pass through',
      rows: [
        { name: 'a', input: { subject: bucket }, expected: [] },
        { name: 'b', input: { subject: bucket, profile: 'adequacy' }, expected: [] },
        { name: 'c', input: { subject: bucket, personal: null }, expected: [] },
      ],
      error: null,
    },
    {
      name: 'two rows with one name',
      rows: [
        { name: 'a', input: { subject: bucket }, expected: [] },
        { name: 'a', input: { subject: bucket, profile: 'eea' }, expected: [] },
      ],
      error: 'duplicate row name: "a"',
    },
    {
      name: 'two rows with one input',
      rows: [
        { name: 'a', input: { subject: bucket, profile: 'eu' }, expected: [] },
        {
          name: 'b',
          input: { subject: bucket, profile: 'eu' },
          expected: [{ status: 'pass', message: 'x' }],
        },
      ],
      error: 'rows "a" and "b" have identical input',
    },
    {
      name: 'identical input written in another key order',
      rows: [
        { name: 'a', input: { subject: bucket, profile: 'eu' }, expected: [] },
        { name: 'b', input: { profile: 'eu', subject: { ...bucket } }, expected: [] },
      ],
      error: 'rows "a" and "b" have identical input',
    },
  ])('$name', ({ rows, error }) => {
    if (error === null) expect(checkRows(rows)).toBe(rows);
    else expect(() => checkRows(rows)).toThrow(error);
  });
});

describe('runRule', () => {
  it('classifies the subject as declared personal data and resolves the profile for real', () => {
    expect(
      runRule(RES001, { subject: bucket, profile: { profile: 'eu', allowedCountries: ['fi'] } }),
    ).toEqual([
      {
        status: 'fail',
        message:
          'personal data stored in eu-west-1 (Ireland), outside the allowed jurisdictions (EU member states, narrowed to FI)',
        evidence: [{ path: 'provider_config.aws.expressions.region', value: 'eu-west-1' }],
      },
    ]);
  });

  it('passes personal: null through as not personal data', () => {
    expect(
      runRule(RES001, { subject: resource('b', { region: inRegion('us-east-1') }), personal: null }),
    ).toEqual([]);
  });

  it('lets configuration errors of the profile surface', () => {
    expect(() =>
      runRule(RES001, { subject: bucket, profile: { profile: 'eu', allowedCountries: ['US'] } }),
    ).toThrow(/outside profile "eu"/);
  });

  it('gives the rule the other resources through the real linker', () => {
    const target = resource('aws_s3_bucket.copy', {
      region: inRegion('us-east-1'),
      identifiers: ['copy-bucket'],
    });
    const source = resource('aws_s3_bucket.data', {
      flows: [
        {
          kind: 'replica',
          from: { self: true },
          to: { identifier: 'copy-bucket', region: knownFact('eu-west-1') },
          evidence: [],
        },
      ],
    });
    const results: unknown[] = [];
    runRule(
      {
        meta: RES001.meta,
        check(subject, context) {
          results.push(
            context.graph.outgoing(subject.address),
            context.resource('aws_s3_bucket.copy')?.personalData,
          );
          return [];
        },
      },
      { subject: source, others: [target] },
    );
    expect(results).toEqual([
      [
        expect.objectContaining({
          from: 'aws_s3_bucket.data',
          to: 'aws_s3_bucket.copy',
          toRegion: target.region,
        }),
      ],
      null,
    ]);
  });
});
