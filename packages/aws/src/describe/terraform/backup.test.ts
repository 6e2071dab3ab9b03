import { describe, expect, it } from 'vitest';
import { AFTER_APPLY, describeAll, factValue, raw, resourceOf } from './__fixtures__/raw.js';

const vault = (address: string, name: string, region: string, properties: Record<string, unknown> = {}) =>
  raw(address, { name, kms_key_arn: AFTER_APPLY, arn: AFTER_APPLY, ...properties }, { region });
const plan = (copyTo: unknown, references: Record<string, string[]> = {}) =>
  raw(
    'aws_backup_plan.p',
    {
      name: 'daily',
      rule: [
        {
          rule_name: 'daily',
          target_vault_name: 'main',
          schedule: 'cron(0 5 * * ? *)',
          copy_action: [{ destination_vault_arn: copyTo, lifecycle: [] }],
        },
      ],
      id: AFTER_APPLY,
    },
    { references },
  );

describe('aws_backup_vault', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['no key: aws/backup', {}, 'provider-key'],
    ['customer key', { kms_key_arn: 'arn:aws:kms:eu-central-1:1:key/x' }, 'customer-key'],
  ])('%s', (_, properties, expected) => {
    const described = resourceOf(
      describeAll(vault('aws_backup_vault.main', 'main', 'eu-central-1', properties)),
      'aws_backup_vault.main',
    );
    expect(described).toMatchObject({ kind: 'backup-vault', storesData: true });
    expect(factValue(described.facts.encryptionAtRest)).toBe(expected);
  });
});

describe('aws_backup_plan copy actions', () => {
  it.each<[string, Parameters<typeof describeAll>, unknown[]]>([
    [
      'copy to a vault ARN in another region, not in the input',
      [
        vault('aws_backup_vault.main', 'main', 'eu-central-1'),
        plan('arn:aws:backup:us-east-1:111122223333:backup-vault:dr'),
      ],
      [
        {
          kind: 'backup-copy',
          from: { address: 'aws_backup_vault.main', identifier: 'main' },
          to: {
            identifier: 'arn:aws:backup:us-east-1:111122223333:backup-vault:dr',
            region: {
              known: true,
              value: 'us-east-1',
              evidence: [
                {
                  path: 'rule[0].copy_action[0].destination_vault_arn',
                  value: 'arn:aws:backup:us-east-1:111122223333:backup-vault:dr',
                },
              ],
            },
          },
        },
      ],
    ],
    [
      'copy to a vault in the input by reference',
      [
        vault('aws_backup_vault.main', 'main', 'eu-central-1'),
        vault('aws_backup_vault.dr', 'dr', 'eu-west-1'),
        plan(AFTER_APPLY, {
          rule: [
            'aws_backup_vault.main.name',
            'aws_backup_vault.main',
            'aws_backup_vault.dr.arn',
            'aws_backup_vault.dr',
          ],
        }),
      ],
      [
        {
          kind: 'backup-copy',
          from: { address: 'aws_backup_vault.main', identifier: 'main' },
          to: { address: 'aws_backup_vault.dr' },
        },
      ],
    ],
  ])('%s', (_, resources, flows) => {
    const described = resourceOf(describeAll(...resources), 'aws_backup_plan.p');
    expect(described).toMatchObject({ kind: 'backup-plan', storesData: false });
    expect(described.flows.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual(flows);
  });

  it('a selection copies its resources into the plan vaults', () => {
    const result = describeAll(
      vault('aws_backup_vault.main', 'main', 'eu-central-1'),
      plan('arn:aws:backup:eu-west-1:1:backup-vault:dr'),
      raw('aws_dynamodb_table.t', { name: 'orders', arn: AFTER_APPLY }),
      raw(
        'aws_backup_selection.s',
        {
          name: 'all',
          plan_id: AFTER_APPLY,
          iam_role_arn: 'arn:aws:iam::1:role/b',
          resources: [AFTER_APPLY, 'arn:aws:rds:eu-central-1:1:db:legacy'],
        },
        {
          references: {
            plan_id: ['aws_backup_plan.p.id', 'aws_backup_plan.p'],
            resources: ['aws_dynamodb_table.t.arn', 'aws_dynamodb_table.t'],
          },
        },
      ),
    );
    const selection = resourceOf(result, 'aws_backup_selection.s');
    expect(selection).toMatchObject({ kind: 'configuration', configures: 'aws_backup_plan.p' });
    expect(selection.flows.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      {
        kind: 'backup-copy',
        from: { address: 'aws_dynamodb_table.t' },
        to: { address: 'aws_backup_vault.main', identifier: 'main' },
      },
      {
        kind: 'backup-copy',
        from: { identifier: 'arn:aws:rds:eu-central-1:1:db:legacy' },
        to: { address: 'aws_backup_vault.main', identifier: 'main' },
      },
    ]);
  });
});
