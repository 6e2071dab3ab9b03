import { describe, expect, it } from 'vitest';
import { DEFAULT_NON_PERSONAL_VALUES, DEFAULT_PERSONAL_VALUES, DEFAULT_TAG_KEYS } from '../config/schema.js';
import { flow, REGION_UNKNOWN, resource, TAGS_UNKNOWN, tags } from '../graph/__fixtures__/resource.js';
import { link } from '../graph/link.js';
import type { Resource } from '../model/resource.js';
import { type ClassificationConfig, classify, classifyWithNotes } from './classify.js';

const ASSUME: ClassificationConfig = {
  mode: 'assume',
  tagKeys: DEFAULT_TAG_KEYS,
  personalValues: DEFAULT_PERSONAL_VALUES,
  nonPersonalValues: DEFAULT_NON_PERSONAL_VALUES,
  overrides: [],
};
const TAGGED_ONLY: ClassificationConfig = { ...ASSUME, mode: 'tagged-only' };

function classifyOne(subject: Resource, config: ClassificationConfig): unknown {
  return classify(link([subject]), config)[0]!.personalData;
}

describe('classify: one resource', () => {
  it.each<{ name: string; subject: Resource; config?: ClassificationConfig; expected: unknown }>([
    {
      name: 'tag declares personal (key and value case-insensitive)',
      subject: resource('a', { tags: tags({ 'DATA-CLASSIFICATION': 'PII' }) }),
      expected: { reason: 'declared', evidence: { path: 'tags.DATA-CLASSIFICATION', value: 'PII' } },
    },
    {
      name: 'tag declares not personal',
      subject: resource('a', { tags: tags({ DataClassification: 'public' }) }),
      expected: null,
    },
    {
      name: 'unrecognised tag value counts as undeclared: assumed',
      subject: resource('a', { tags: tags({ 'data-classification': 'confidential' }) }),
      expected: { reason: 'assumed' },
    },
    {
      name: 'other tags do not declare anything',
      subject: resource('a', { tags: tags({ Name: 'personal' }) }),
      expected: { reason: 'assumed' },
    },
    {
      name: 'two classification tags that disagree: personal wins',
      subject: resource('a', {
        tags: tags({ dataClassification: 'public', 'data-classification': 'personal' }),
      }),
      expected: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
    },
    { name: 'untagged data store is assumed', subject: resource('a'), expected: { reason: 'assumed' } },
    {
      name: 'unknown tags on a data store are undeclared: assumed',
      subject: resource('a', { tags: TAGS_UNKNOWN }),
      expected: { reason: 'assumed' },
    },
    { name: 'untagged data store, tagged-only', subject: resource('a'), config: TAGGED_ONLY, expected: null },
    {
      name: 'unknown tags, tagged-only',
      subject: resource('a', { tags: TAGS_UNKNOWN }),
      config: TAGGED_ONLY,
      expected: null,
    },
    {
      name: 'tagged personal, tagged-only',
      subject: resource('a', { tags: tags({ 'data-classification': 'personal' }) }),
      config: TAGGED_ONLY,
      expected: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
    },
    {
      name: 'not a data store',
      subject: resource('sg', { kind: 'network-rule', storesData: false }),
      expected: null,
    },
    {
      name: 'config override beats a tag',
      subject: resource('aws_s3_bucket.assets', { tags: tags({ 'data-classification': 'personal' }) }),
      config: { ...ASSUME, overrides: [{ match: 'aws_s3_bucket.*', personal: false }] },
      expected: null,
    },
    {
      name: 'config override declares personal with its entry as evidence',
      subject: resource('aws_s3_bucket.assets', { tags: tags({ 'data-classification': 'public' }) }),
      config: { ...ASSUME, overrides: [{ match: 'aws_s3_bucket.assets', personal: true }] },
      expected: {
        reason: 'declared',
        evidence: {
          path: 'classification.resources[0]',
          value: { match: 'aws_s3_bucket.assets', personal: true },
        },
      },
    },
    {
      name: 'last matching override wins',
      subject: resource('aws_s3_bucket.assets'),
      config: {
        ...ASSUME,
        overrides: [
          { match: '*', personal: true },
          { match: 'aws_s3_bucket.assets', personal: false },
          { match: 'aws_s3_bucket.other', personal: true },
        ],
      },
      expected: null,
    },
    {
      name: 'stack: override matches the stack',
      subject: resource('a', { stack: 'marketing-site' }),
      config: { ...TAGGED_ONLY, overrides: [{ match: 'stack:marketing-*', personal: true }] },
      expected: {
        reason: 'declared',
        evidence: {
          path: 'classification.resources[0]',
          value: { match: 'stack:marketing-*', personal: true },
        },
      },
    },
    {
      name: 'stack: override does not match the address',
      subject: resource('marketing-x'),
      config: { ...TAGGED_ONLY, overrides: [{ match: 'stack:marketing-*', personal: true }] },
      expected: null,
    },
  ])('$name', ({ subject, config, expected }) => {
    expect(classifyOne(subject, config ?? ASSUME)).toEqual(expected);
  });
});

describe('classify: inheritance along data-copying flows', () => {
  const personal = tags({ 'data-classification': 'personal' });
  const publicTag = tags({ 'data-classification': 'public' });

  it.each<{
    name: string;
    resources: Resource[];
    config?: ClassificationConfig;
    expected: Record<string, unknown>;
  }>([
    {
      name: 'replica of a declared store inherits, transitively, with the path',
      resources: [
        resource('origin', { tags: personal, flows: [flow('replica', { address: 'replica' })] }),
        resource('replica', { tags: publicTag, flows: [flow('backup-copy', { address: 'vault' })] }),
        resource('vault', { kind: 'backup-vault', tags: publicTag }),
      ],
      expected: {
        origin: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
        replica: { reason: 'inherited', via: ['origin', 'replica'] },
        vault: { reason: 'inherited', via: ['origin', 'replica', 'vault'] },
      },
    },
    {
      name: 'network ingress does not copy data',
      resources: [
        resource('sg', {
          kind: 'network-rule',
          storesData: false,
          flows: [flow('network-ingress', { address: 'db' })],
        }),
        resource('db', { tags: personal, flows: [flow('network-ingress', { address: 'other' })] }),
        resource('other', { tags: publicTag }),
      ],
      expected: {
        sg: null,
        db: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
        other: null,
      },
    },
    {
      name: 'a log target that is not itself a data store still inherits',
      resources: [
        resource('db', { tags: personal, flows: [flow('log-delivery', { address: 'logs' })] }),
        resource('logs', { kind: 'log-store', storesData: false }),
      ],
      expected: {
        db: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
        logs: { reason: 'inherited', via: ['db', 'logs'] },
      },
    },
    {
      name: 'inherited beats assumed; assumed stores do not inherit from each other',
      resources: [
        resource('declared', { tags: personal, flows: [flow('replica', { address: 'copy' })] }),
        resource('copy'),
        resource('a', { flows: [flow('replica', { address: 'b' })] }),
        resource('b', { flows: [flow('replica', { address: 'a' })] }),
      ],
      expected: {
        declared: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
        copy: { reason: 'inherited', via: ['declared', 'copy'] },
        a: { reason: 'assumed' },
        b: { reason: 'assumed' },
      },
    },
    {
      name: 'an assumed store passes personal data on to a store declared non-personal',
      resources: [
        resource('a', { flows: [flow('replica', { address: 'b' })] }),
        resource('b', { tags: publicTag }),
      ],
      expected: { a: { reason: 'assumed' }, b: { reason: 'inherited', via: ['a', 'b'] } },
    },
    {
      name: 'tagged-only: nothing flows from undeclared stores',
      resources: [resource('a', { flows: [flow('replica', { address: 'b' })] }), resource('b')],
      config: TAGGED_ONLY,
      expected: { a: null, b: null },
    },
    {
      name: 'the shortest path is recorded, and cycles terminate',
      resources: [
        resource('o', {
          tags: personal,
          flows: [flow('replica', { address: 'x' }), flow('replica', { address: 'z' })],
        }),
        resource('x', { tags: publicTag, flows: [flow('replica', { address: 'y' })] }),
        resource('y', { tags: publicTag, flows: [flow('replica', { address: 'z' })] }),
        resource('z', { tags: publicTag, flows: [flow('replica', { address: 'o' })] }),
      ],
      expected: {
        o: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
        x: { reason: 'inherited', via: ['o', 'x'] },
        y: { reason: 'inherited', via: ['o', 'x', 'y'] },
        z: { reason: 'inherited', via: ['o', 'z'] },
      },
    },
    {
      name: 'replication configured by a companion resource counts for the bucket it configures',
      resources: [
        resource('bucket', { tags: personal, region: REGION_UNKNOWN }),
        resource('replication', {
          kind: 'configuration',
          storesData: false,
          configures: 'bucket',
          flows: [flow('replica', { identifier: 'replica-bucket' })],
        }),
        resource('replica', { identifiers: ['replica-bucket'], tags: publicTag }),
      ],
      expected: {
        bucket: { reason: 'declared', evidence: { path: 'tags.data-classification', value: 'personal' } },
        replication: null,
        replica: { reason: 'inherited', via: ['bucket', 'replica'] },
      },
    },
  ])('$name', ({ resources, config, expected }) => {
    const result = classify(link(resources), config ?? ASSUME);
    expect(Object.fromEntries(result.map((r) => [r.address, r.personalData]))).toEqual(expected);
  });
});

describe('classify: notes', () => {
  it('tagged-only notes resources whose tags are unknown and counts untagged stores', () => {
    const { notes } = classifyWithNotes(
      link([
        resource('a', { tags: TAGS_UNKNOWN }),
        resource('b'),
        resource('c'),
        resource('d', { storesData: false }),
      ]),
      TAGGED_ONLY,
    );
    expect(notes).toEqual([
      '2 data stores have no classification tag and were treated as not personal data (classification mode tagged-only)',
      'a: its tags are not known before apply (tags are known only after apply), so its classification cannot be read; classification mode tagged-only treats it as not personal data',
    ]);
  });

  it('assume mode has nothing to note', () => {
    expect(classifyWithNotes(link([resource('a', { tags: TAGS_UNKNOWN })]), ASSUME).notes).toEqual([]);
  });
});
