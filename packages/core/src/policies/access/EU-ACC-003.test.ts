import { flow, resource } from '../../graph/__fixtures__/resource.js';
import { type Fact, knownFact, unknownFact } from '../../model/evidence.js';
import type { Flow, Resource } from '../../model/resource.js';
import { describeRule } from '../__fixtures__/harness.js';
import { rule } from './EU-ACC-003.js';

const DB = 'aws_db_instance.customers';

function database(options: { exposure?: Fact<boolean>; flows?: Flow[] } = {}): Resource {
  return resource(DB, {
    type: 'aws_db_instance',
    kind: 'relational-database',
    facts: options.exposure === undefined ? {} : { networkExposure: options.exposure },
    flows: options.flows ?? [],
  });
}
const publiclyAccessible = (value: boolean) => knownFact(value, { path: 'publicly_accessible', value });

/** A security group declaring that it admits traffic into the database. */
function securityGroup(
  name: string,
  exposure: Fact<boolean> | undefined,
  identifiers: string[] = [],
): Resource {
  return resource(`aws_security_group.${name}`, {
    type: 'aws_security_group',
    kind: 'network-rule',
    storesData: false,
    identifiers,
    facts: exposure === undefined ? {} : { networkExposure: exposure },
    flows: [flow('network-ingress', { address: DB })],
  });
}
const ingress = (value: boolean) =>
  knownFact(value, { path: 'ingress[0].cidr_blocks', value: value ? ['0.0.0.0/0'] : ['10.0.0.0/8'] });

describeRule(rule, [
  {
    name: 'own network exposure fails',
    input: { subject: database({ exposure: publiclyAccessible(true) }) },
    expected: [
      {
        status: 'fail',
        message: 'reachable from the internet (public network access is on)',
        evidence: ['publicly_accessible'],
      },
    ],
  },
  {
    name: 'no own network exposure passes',
    input: { subject: database({ exposure: publiclyAccessible(false) }) },
    expected: [
      { status: 'pass', message: 'not reachable from the internet', evidence: ['publicly_accessible'] },
    ],
  },
  {
    name: 'own network exposure unknown: unknown with the reason',
    input: { subject: database({ exposure: unknownFact('publicly_accessible is known only after apply') }) },
    expected: [
      {
        status: 'unknown',
        message: 'network exposure cannot be determined: publicly_accessible is known only after apply',
      },
    ],
  },
  {
    name: 'a security group open to the internet in front of it fails, naming the group',
    input: {
      subject: database({ exposure: publiclyAccessible(false) }),
      others: [securityGroup('open', ingress(true))],
    },
    expected: [
      { status: 'pass', message: 'not reachable from the internet' },
      {
        status: 'fail',
        message: 'aws_security_group.open admits traffic from the whole internet',
        evidence: ['network-ingress.target', 'ingress[0].cidr_blocks'],
      },
    ],
  },
  {
    name: 'a security group the database names by id is found through the linker',
    input: {
      subject: database({ flows: [flow('network-ingress', { self: true }, { identifier: 'sg-0123' })] }),
      others: [{ ...securityGroup('open', ingress(true), ['sg-0123']), flows: [] }],
    },
    expected: [{ status: 'fail', message: 'aws_security_group.open admits traffic from the whole internet' }],
  },
  {
    name: 'a closed security group passes',
    input: { subject: database(), others: [securityGroup('private', ingress(false))] },
    expected: [{ status: 'pass', message: 'aws_security_group.private does not admit the whole internet' }],
  },
  {
    name: 'a security group known only after apply: unknown with the reason',
    input: {
      subject: database(),
      others: [securityGroup('pending', unknownFact('ingress is known only after apply'))],
    },
    expected: [
      {
        status: 'unknown',
        message: 'aws_security_group.pending in front of it: ingress is known only after apply',
      },
    ],
  },
  {
    name: 'one result per security group, in input order',
    input: {
      subject: database(),
      others: [securityGroup('private', ingress(false)), securityGroup('open', ingress(true))],
    },
    expected: [
      { status: 'pass', message: 'aws_security_group.private does not admit the whole internet' },
      { status: 'fail', message: 'aws_security_group.open admits traffic from the whole internet' },
    ],
  },
  {
    name: 'ingress from a resource without a network-exposure fact is skipped',
    input: { subject: database(), others: [securityGroup('unrelated', undefined)] },
    expected: [],
  },
  {
    name: 'not applicable: no personal data',
    input: {
      subject: database({ exposure: publiclyAccessible(true) }),
      others: [securityGroup('open', ingress(true))],
      personal: null,
    },
    expected: [],
  },
  {
    name: 'not applicable: no network-exposure fact and nothing in front of it',
    input: { subject: database() },
    expected: [],
  },
]);
