import type { RawResource } from '@eugate/core';
import { expect, it } from 'vitest';
import { cfn, describeAll, factsOf, resourceOf, UNRESOLVED } from './__fixtures__/raw.js';

const group = (ingress?: unknown) =>
  cfn('Stack/Sg', 'AWS::EC2::SecurityGroup', {
    GroupDescription: 'db',
    ...(ingress === undefined ? {} : { SecurityGroupIngress: ingress }),
  });

it.each<[string, RawResource[], unknown]>([
  ['no ingress', [group()], false],
  [
    'open to 0.0.0.0/0 on 5432',
    [group([{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '0.0.0.0/0' }])],
    true,
  ],
  ['open to ::/0', [group([{ IpProtocol: '-1', CidrIpv6: '::/0' }])], true],
  [
    'private CIDR and a source group',
    [
      group([
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' },
        { IpProtocol: 'tcp', SourceSecurityGroupId: UNRESOLVED },
      ]),
    ],
    false,
  ],
  [
    'CIDR from GetAtt of the VPC',
    [group([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: UNRESOLVED }])],
    'unknown: Fn::GetAtt is resolved only at deployment',
  ],
  [
    'separate ingress resource open to the internet',
    [
      group(),
      cfn(
        'Stack/Rule',
        'AWS::EC2::SecurityGroupIngress',
        { GroupId: UNRESOLVED, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
        { references: { GroupId: ['Stack/Sg'] } },
      ),
    ],
    true,
  ],
])('%s', (_name, resources, exposure) => {
  expect(factsOf(resourceOf(describeAll(...resources), 'Stack/Sg'), { networkExposure: 0 })).toEqual({
    networkExposure: exposure,
  });
});

it('names the open rule and its ports in the evidence', () => {
  const sg = resourceOf(
    describeAll(group([{ IpProtocol: 'tcp', FromPort: '5432', ToPort: '5432', CidrIp: '0.0.0.0/0' }])),
    'Stack/Sg',
  );
  expect(sg.facts.networkExposure?.evidence).toEqual([
    { path: 'SecurityGroupIngress[0].CidrIp', value: { cidr: '0.0.0.0/0', ports: 'tcp 5432' } },
  ]);
});
