import { describe, expect, it } from 'vitest';
import { knownFact, unknownFact } from '../model/evidence.js';
import type { FlowEnd, Resource } from '../model/resource.js';
import { flow, inRegion, REGION_UNKNOWN, resource } from './__fixtures__/resource.js';
import { link } from './link.js';

const source = resource('aws_s3_bucket.source', { identifiers: ['source-bucket'] });
const replica = resource('aws_s3_bucket.replica', {
  region: inRegion('eu-central-1'),
  identifiers: ['replica-bucket', 'arn:aws:s3:::replica-bucket'],
});
const pending = resource('aws_s3_bucket.pending', {
  region: REGION_UNKNOWN,
  identifiers: ['pending-bucket'],
});

describe('link: flow ends and target regions', () => {
  it.each<{
    name: string;
    to: FlowEnd;
    from: string | null;
    target: string | null;
    region: unknown;
    external?: string;
  }>([
    {
      name: 'identifier resolves to a resource in the input, which gives the region',
      to: { identifier: 'arn:aws:s3:::replica-bucket', region: knownFact('us-east-1') },
      from: 'aws_s3_bucket.source',
      target: 'aws_s3_bucket.replica',
      region: 'eu-central-1',
    },
    {
      name: 'address resolves directly',
      to: { address: 'aws_s3_bucket.replica' },
      from: 'aws_s3_bucket.source',
      target: 'aws_s3_bucket.replica',
      region: 'eu-central-1',
    },
    {
      name: 'identifier match is exact',
      to: { identifier: 'replica' },
      from: 'aws_s3_bucket.source',
      target: null,
      region: 'target replica is not in this input and the flow does not state its region',
      external: 'replica',
    },
    {
      name: 'external target with a stated region',
      to: { identifier: 'arn:aws:s3:::elsewhere', region: knownFact('us-west-2') },
      from: 'aws_s3_bucket.source',
      target: null,
      region: 'us-west-2',
      external: 'arn:aws:s3:::elsewhere',
    },
    {
      name: 'target in input with unknown region falls back to the stated region',
      to: { identifier: 'pending-bucket', region: knownFact('eu-north-1') },
      from: 'aws_s3_bucket.source',
      target: 'aws_s3_bucket.pending',
      region: 'eu-north-1',
    },
    {
      name: 'target in input with unknown region and nothing stated keeps the target reason',
      to: { identifier: 'pending-bucket' },
      from: 'aws_s3_bucket.source',
      target: 'aws_s3_bucket.pending',
      region: 'known only after apply',
    },
    {
      name: 'external target with an unknown stated region keeps that reason',
      to: { identifier: 'x', region: unknownFact('region is a variable') },
      from: 'aws_s3_bucket.source',
      target: null,
      region: 'region is a variable',
      external: 'x',
    },
    {
      name: 'address not in the input is external',
      to: { address: 'module.other.aws_s3_bucket.y' },
      from: 'aws_s3_bucket.source',
      target: null,
      region:
        'target module.other.aws_s3_bucket.y is not in this input and the flow does not state its region',
      external: 'module.other.aws_s3_bucket.y',
    },
  ])('$name', ({ to, from, target, region, external }) => {
    const declaring = { ...source, flows: [flow('replica', to)] };
    const graph = link([declaring, replica, pending]);
    expect(graph.edges).toHaveLength(1);
    const edge = graph.edges[0]!;
    expect(edge.from).toBe(from);
    expect(edge.to).toBe(target);
    expect(edge.toRegion.known ? edge.toRegion.value : edge.toRegion.reason).toBe(region);
    expect(edge.externalTarget).toBe(external);
    expect(edge.declaredBy).toBe('aws_s3_bucket.source');
  });

  it('attributes flows of a configuration resource to the resource it configures', () => {
    const config: Resource = resource('aws_s3_bucket_replication_configuration.r', {
      kind: 'configuration',
      storesData: false,
      configures: 'aws_s3_bucket.source',
      flows: [flow('replica', { identifier: 'replica-bucket' })],
    });
    const graph = link([source, replica, config]);
    expect(graph.edges[0]).toMatchObject({
      from: 'aws_s3_bucket.source',
      to: 'aws_s3_bucket.replica',
      declaredBy: 'aws_s3_bucket_replication_configuration.r',
    });
    expect(graph.outgoing('aws_s3_bucket.source')).toHaveLength(1);
    expect(graph.outgoing('aws_s3_bucket_replication_configuration.r')).toHaveLength(0);
    expect(graph.incoming('aws_s3_bucket.replica')).toEqual(graph.edges);
  });

  it('keeps a configuration resource as the source when what it configures is not in the input', () => {
    const config = resource('aws_s3_bucket_replication_configuration.r', {
      kind: 'configuration',
      configures: 'aws_s3_bucket.absent',
      flows: [flow('replica', { identifier: 'replica-bucket' })],
    });
    expect(link([config, replica]).edges[0]!.from).toBe('aws_s3_bucket_replication_configuration.r');
  });

  it('indexes incoming and outgoing edges and looks resources up by address', () => {
    const a = resource('a', {
      flows: [flow('replica', { address: 'b' }), flow('log-delivery', { address: 'c' })],
    });
    const b = resource('b', { flows: [flow('backup-copy', { address: 'c' })] });
    const c = resource('c');
    const graph = link([a, b, c]);
    expect(graph.outgoing('a').map((e) => e.to)).toEqual(['b', 'c']);
    expect(graph.incoming('c').map((e) => e.from)).toEqual(['a', 'b']);
    expect(graph.incoming('a')).toEqual([]);
    expect(graph.outgoing('nope')).toEqual([]);
    expect(graph.get('b')).toBe(b);
    expect(graph.get('nope')).toBeUndefined();
  });

  it('resolves a shared identifier to the first resource in input order', () => {
    const first = resource('first', { identifiers: ['shared'] });
    const second = resource('second', { identifiers: ['shared'] });
    const from = resource('from', { flows: [flow('replica', { identifier: 'shared' })] });
    expect(link([from, first, second]).edges[0]!.to).toBe('first');
  });
});
