import type { Report } from '@eugate/core';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import {
  ACKNOWLEDGEMENT_EXPIRES,
  acknowledgementId,
  acknowledgementWaivers,
  collapseUnusedAcknowledgements,
} from './acknowledgements.js';

// Real constructs and CDK's own `acknowledge()`: what it records is what the plugin reads.

function tree(): { app: App; stack: Stack; table: Construct } {
  const app = new App();
  const stack = new Stack(app, 'Data');
  return { app, stack, table: new Construct(stack, 'Orders') };
}

describe('acknowledgementWaivers', () => {
  it('an acknowledgement on a construct waives the rule on it and below it', () => {
    const { app, table } = tree();
    Validations.of(table).acknowledge({ id: 'eugate::EU-RES-002', reason: 'approved by the DPO' });
    const waiver = {
      rule: 'EU-RES-002',
      reason: 'approved by the DPO',
      owner: 'cdk acknowledge at Data/Orders',
      expires: ACKNOWLEDGEMENT_EXPIRES,
    };
    expect(acknowledgementWaivers(app)).toEqual({
      waivers: [
        { ...waiver, resource: 'Data/Orders' },
        { ...waiver, resource: 'Data/Orders/*' },
      ],
      notes: [],
    });
  });

  it.each([
    {
      name: 'on the app: everything',
      id: 'eugate::EU-ACC-004',
      at: 'app',
      waivers: [{ rule: 'EU-ACC-004', resource: '*' }],
      notes: [],
    },
    {
      name: 'without the eugate:: prefix: a note saying how to write it',
      id: 'EU-ENC-001',
      at: 'table',
      waivers: [],
      notes: [
        /^acknowledgement '\w+::EU-ENC-001' at Data\/Orders does not apply to eugate: write 'eugate::EU-ENC-001'$/,
      ],
    },
    {
      name: 'an unknown eugate rule: a note',
      id: 'eugate::EU-RES-999',
      at: 'table',
      waivers: [],
      notes: [/^acknowledgement 'eugate::EU-RES-999' at Data\/Orders names no eugate rule/],
    },
    { name: "another plugin's rule: ignored", id: 'AwsSolutions-S1', at: 'table', waivers: [], notes: [] },
  ])('$name', ({ id, at, waivers, notes }) => {
    const { app, table } = tree();
    Validations.of(at === 'app' ? app : table).acknowledge({ id, reason: 'because' });
    const result = acknowledgementWaivers(app);
    expect(result.waivers).toMatchObject(waivers);
    expect(result.waivers).toHaveLength(waivers.length);
    expect(result.notes).toEqual(notes.map((note) => expect.stringMatching(note)));
  });

  it('acknowledgementId is the id CDK expects for the plugin named eugate', () => {
    expect(acknowledgementId('EU-RES-002')).toBe('eugate::EU-RES-002');
  });
});

describe('collapseUnusedAcknowledgements', () => {
  const notice = (resource: string, owner = 'cdk acknowledge at Data/Orders') => ({
    rule: 'EU-RES-002',
    resource,
    owner,
    expires: ACKNOWLEDGEMENT_EXPIRES,
    reason: 'r',
  });
  const report = (unused: ReturnType<typeof notice>[]): Report =>
    ({ waivers: { expired: [], unused } }) as unknown as Report;

  it.each([
    {
      name: 'both halves unused: reported once',
      unused: ['Data/Orders', 'Data/Orders/*'],
      kept: ['Data/Orders'],
    },
    { name: 'the subtree half used: not reported', unused: ['Data/Orders'], kept: [] },
    { name: 'the construct half used: not reported', unused: ['Data/Orders/*'], kept: [] },
  ])('$name', ({ unused, kept }) => {
    const out = collapseUnusedAcknowledgements(report(unused.map((resource) => notice(resource))));
    expect(out.waivers.unused.map((entry) => entry.resource)).toEqual(kept);
  });

  it('leaves config waivers alone', () => {
    const config = notice('Data/Orders/*', 'platform-team');
    expect(collapseUnusedAcknowledgements(report([config])).waivers.unused).toEqual([config]);
  });
});
