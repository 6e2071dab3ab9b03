import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/parse.js';
import type { EugateConfig } from '../config/types.js';
import { flow, inRegion, REGION_UNKNOWN, resource, tags } from '../graph/__fixtures__/resource.js';
import { knownFact, unknownFact } from '../model/evidence.js';
import type { Resource, ResourceFacts } from '../model/resource.js';
import type { DataFlow } from '../report/types.js';
import { evaluate } from './evaluate.js';

const personal = tags({ 'data-classification': 'personal' });
const notPersonal = tags({ 'data-classification': 'public' });

function flowsOf(resources: Resource[], config: Partial<EugateConfig> = {}): readonly DataFlow[] {
  const report = evaluate(
    { resources, notModelled: [], inputs: ['plan.json'] },
    { ...defaultConfig(), ...config },
    { today: '2026-01-01', toolVersion: '0.0.0-test', rules: [] },
  );
  return report.flows!;
}

/** An edge distribution whose `edge` fact is given; its own region is the provider's, not where it caches. */
function cdn(address: string, edge: ResourceFacts['edge']): Resource {
  return resource(address, {
    type: 'aws_cloudfront_distribution',
    kind: 'edge-distribution',
    storesData: false,
    facts: { edge },
  });
}

type Row = readonly [
  name: string,
  resources: Resource[],
  expected: readonly Partial<DataFlow>[],
  config: Partial<EugateConfig>,
];

describe('report.flows: copies of personal data', () => {
  it.each<Row>([
    [
      'a replica in another EU region is allowed',
      [
        resource('a', { tags: personal, flows: [flow('replica', { address: 'b' })] }),
        resource('b', { region: inRegion('eu-central-1') }),
      ],
      [
        {
          kind: 'replica',
          from: 'a',
          to: 'b',
          toRegion: 'eu-central-1',
          toJurisdiction: 'EU',
          allowed: true,
        },
      ],
      {},
    ],
    [
      'a backup copy to the US is not allowed',
      [
        resource('a', {
          tags: personal,
          flows: [flow('backup-copy', { identifier: 'arn:vault', region: inRegion('us-east-1') })],
        }),
      ],
      [
        {
          kind: 'backup-copy',
          to: 'arn:vault',
          toRegion: 'us-east-1',
          toCountry: 'US',
          toJurisdiction: 'OTHER',
          worldwide: false,
          allowed: false,
        },
      ],
      {},
    ],
    [
      'a target whose region is unknown cannot be judged',
      [
        resource('a', { tags: personal, flows: [flow('log-delivery', { address: 'b' })] }),
        resource('b', { region: REGION_UNKNOWN }),
      ],
      [{ to: 'b', toRegion: null, toCountry: null, toJurisdiction: null, allowed: null }],
      {},
    ],
    [
      'a region not in the catalogue cannot be judged',
      [resource('a', { tags: personal, flows: [flow('replica', { region: inRegion('mars-north-1') })] })],
      [{ to: null, toRegion: 'mars-north-1', toCountry: null, allowed: null }],
      {},
    ],
    [
      'the adequacy profile allows a replica in the UK',
      [resource('a', { tags: personal, flows: [flow('replica', { region: inRegion('eu-west-2') })] })],
      [{ toRegion: 'eu-west-2', toCountry: 'GB', toJurisdiction: 'ADQ', allowed: true }],
      { profile: 'adequacy' },
    ],
    [
      'narrowing to countries is applied',
      [resource('a', { tags: personal, flows: [flow('replica', { region: inRegion('eu-central-1') })] })],
      [{ toRegion: 'eu-central-1', toJurisdiction: 'EU', allowed: false }],
      { allowedCountries: ['IE'] },
    ],
    [
      'a global CDN without EU restriction caches worldwide',
      [
        resource('origin', { tags: personal, identifiers: ['o'] }),
        {
          ...cdn('cdn', knownFact({ global: true, restrictedToEu: false })),
          flows: [flow('edge-delivery', { self: true }, { identifier: 'o' })],
        },
      ],
      [{ kind: 'edge-delivery', from: 'origin', to: 'cdn', toRegion: null, worldwide: true, allowed: false }],
      {},
    ],
    [
      'an edge service restricted to EU edges stays in the EU',
      [
        resource('origin', { tags: personal, identifiers: ['o'] }),
        {
          ...cdn('cdn', knownFact({ global: true, restrictedToEu: true })),
          flows: [flow('edge-delivery', { self: true }, { identifier: 'o' })],
        },
      ],
      [{ to: 'cdn', toRegion: null, toJurisdiction: 'EU', worldwide: false, allowed: true }],
      {},
    ],
    [
      'an edge service whose exposure is unknown cannot be judged',
      [
        resource('origin', { tags: personal, identifiers: ['o'] }),
        {
          ...cdn('cdn', unknownFact('price class known only after apply')),
          flows: [flow('edge-delivery', { self: true }, { identifier: 'o' })],
        },
      ],
      [{ to: 'cdn', toRegion: null, worldwide: false, allowed: null }],
      {},
    ],
    [
      'a regional edge service is judged by its region',
      [
        resource('origin', { tags: personal, identifiers: ['o'] }),
        {
          ...cdn('cdn', knownFact({ global: false, restrictedToEu: false })),
          region: inRegion('us-west-2'),
          flows: [flow('edge-delivery', { self: true }, { identifier: 'o' })],
        },
      ],
      [{ to: 'cdn', toRegion: 'us-west-2', worldwide: false, allowed: false }],
      {},
    ],
    [
      'flows out of resources without personal data are not listed',
      [
        resource('public', {
          tags: notPersonal,
          flows: [flow('replica', { region: inRegion('us-east-1') })],
        }),
      ],
      [],
      {},
    ],
    [
      'network ingress is not a copy of data',
      [
        resource('db', { tags: personal }),
        resource('sg', {
          kind: 'network-rule',
          storesData: false,
          flows: [flow('network-ingress', { address: 'db' })],
        }),
        resource('db2', { tags: personal, flows: [flow('network-ingress', { address: 'sg' })] }),
      ],
      [],
      {},
    ],
    [
      'inherited personal data is followed: the replica’s own copies are listed too',
      [
        resource('a', { tags: personal, flows: [flow('replica', { address: 'b' })] }),
        resource('b', {
          region: inRegion('us-east-1'),
          flows: [flow('backup-copy', { region: inRegion('us-west-2') })],
        }),
      ],
      [
        { from: 'a', to: 'b', allowed: false },
        { from: 'b', kind: 'backup-copy', fromRegion: 'us-east-1', toRegion: 'us-west-2', allowed: false },
      ],
      {},
    ],
  ])('%s', (_name, resources, expected, config) => {
    const flows = flowsOf(resources, config);
    expect(flows).toHaveLength(expected.length);
    expected.forEach((fields, index) => {
      expect(flows[index]).toMatchObject(fields);
    });
  });

  it('is sorted and holds each flow once, whatever the input order', () => {
    const a = resource('a', {
      tags: personal,
      flows: [
        flow('replica', { region: inRegion('us-west-2') }),
        flow('replica', { region: inRegion('us-east-1') }),
        flow('replica', { region: inRegion('us-east-1') }),
        flow('backup-copy', { region: inRegion('eu-west-1') }),
      ],
    });
    const z = resource('z', { tags: personal, flows: [flow('replica', { region: inRegion('eu-north-1') })] });
    const forward = flowsOf([a, z]);
    expect(forward.map((f) => [f.from, f.kind, f.toRegion])).toEqual([
      ['a', 'backup-copy', 'eu-west-1'],
      ['a', 'replica', 'us-east-1'],
      ['a', 'replica', 'us-west-2'],
      ['z', 'replica', 'eu-north-1'],
    ]);
    expect(flowsOf([z, a])).toEqual(forward);
    expect(Object.keys(forward[0]!)).toEqual([
      'kind',
      'from',
      'fromRegion',
      'to',
      'toRegion',
      'toCountry',
      'toJurisdiction',
      'worldwide',
      'allowed',
    ]);
  });
});
