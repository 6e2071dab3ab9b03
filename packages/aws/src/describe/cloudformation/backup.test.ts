import { expect, it } from 'vitest';
import { cfn, describeAll, factsOf, flowsOf, resourceOf, UNRESOLVED } from './__fixtures__/raw.js';

it('copy actions copy the rule vault to the destination ARN, in the ARN region', () => {
  const result = describeAll(
    cfn('Stack/Vault', 'AWS::Backup::BackupVault', { BackupVaultName: 'main' }),
    cfn(
      'Stack/Plan',
      'AWS::Backup::BackupPlan',
      {
        BackupPlan: {
          BackupPlanName: 'daily',
          BackupPlanRule: [
            {
              RuleName: 'daily',
              TargetBackupVault: UNRESOLVED,
              CopyActions: [
                { DestinationBackupVaultArn: 'arn:aws:backup:us-east-1:111122223333:backup-vault:dr' },
              ],
            },
          ],
        },
      },
      { references: { BackupPlan: ['Stack/Vault'] } },
    ),
    cfn(
      'Stack/Selection',
      'AWS::Backup::BackupSelection',
      {
        BackupPlanId: UNRESOLVED,
        BackupSelection: { SelectionName: 's', IamRoleArn: 'arn:aws:iam::1:role/b', Resources: [UNRESOLVED] },
      },
      { references: { BackupPlanId: ['Stack/Plan'], BackupSelection: ['Stack/Table'] } },
    ),
    cfn('Stack/Table', 'AWS::DynamoDB::Table', {}),
  );
  expect(flowsOf(resourceOf(result, 'Stack/Plan'))).toEqual([
    'backup-copy Stack/Vault -> arn:aws:backup:us-east-1:111122223333:backup-vault:dr @us-east-1',
  ]);
  expect(flowsOf(resourceOf(result, 'Stack/Selection'))).toEqual(['backup-copy Stack/Table -> Stack/Vault']);
  expect(factsOf(resourceOf(result, 'Stack/Vault'), { encryptionAtRest: 0 })).toEqual({
    encryptionAtRest: 'provider-key',
  });
});
