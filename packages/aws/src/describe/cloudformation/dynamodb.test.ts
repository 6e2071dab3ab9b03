import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { cfn, describeAll, factsOf, flowsOf, resourceOf, UNRESOLVED } from './__fixtures__/raw.js';

const table = (type: string, properties: Record<string, unknown>, region?: string | null) =>
  cfn('Stack/Table', type, properties, region === undefined ? {} : { region });

it.each<[string, RawResource, string, string[]]>([
  ['table without SSESpecification: AWS owned key', table('AWS::DynamoDB::Table', {}), 'provider-key', []],
  [
    'table with SSEEnabled: aws/dynamodb',
    table('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true } }),
    'provider-key',
    [],
  ],
  [
    'table with a customer key',
    table('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/orders' },
    }),
    'customer-key',
    [],
  ],
  [
    'global table: the stack-region replica is itself, the others are copies',
    table('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        { Region: 'eu-central-1', SSESpecification: { KMSMasterKeyId: 'alias/orders' } },
        { Region: 'us-east-1', SSESpecification: { KMSMasterKeyId: 'alias/orders-us' } },
      ],
    }),
    'customer-key',
    ['replica self -> @us-east-1'],
  ],
  [
    'global table in a stack of unknown region: every replica region is a flow',
    table(
      'AWS::DynamoDB::GlobalTable',
      { Replicas: [{ Region: 'eu-west-1' }, { Region: UNRESOLVED }] },
      null,
    ),
    'provider-key',
    ['replica self -> @eu-west-1', 'replica self -> @?'],
  ],
])('%s', (_name, raw, encryption, flows) => {
  const described = resourceOf(describeAll(raw), 'Stack/Table');
  expect(factsOf(described, { encryptionAtRest: 0 })).toEqual({ encryptionAtRest: encryption });
  expect(flowsOf(described)).toEqual(flows);
});

it('a global table takes its tags from the replica in the stack region', () => {
  const described = resourceOf(
    describeAll(
      table('AWS::DynamoDB::GlobalTable', {
        Replicas: [
          { Region: 'us-east-1', Tags: [{ Key: 'data', Value: 'none' }] },
          { Region: 'eu-central-1', Tags: [{ Key: 'data', Value: 'personal' }] },
        ],
      }),
    ),
    'Stack/Table',
  );
  expect(described.tags).toEqual({ known: true, value: { data: 'personal' } });
});
