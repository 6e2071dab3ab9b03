import { isInputError } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { looksLikeCloudFormationTemplate, readCloudFormationTemplate } from './template.js';

describe('looksLikeCloudFormationTemplate', () => {
  it.each([
    { text: 'AWSTemplateFormatVersion: "2010-09-09"\n', expected: true },
    { text: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n', expected: true },
    { text: '{"Resources": {"B": {"Type": "Custom::Thing"}}}', expected: true },
    { text: '{"format_version": "1.2", "resource_changes": []}', expected: false },
    { text: '{"version": "36.0.0", "artifacts": {}}', expected: false },
    { text: 'resources:\n  - type: aws:s3/bucket:Bucket\n', expected: false },
  ])('$text', ({ text, expected }) => {
    expect(looksLikeCloudFormationTemplate(text)).toBe(expected);
  });
});

const YAML = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: { Type: String, AllowedValues: [dev, prod] }
Conditions:
  IsDev: !Equals [!Ref Env, dev]
  Never: !Equals [a, b]
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Metadata:
      aws:cdk:path: Shop/Orders/Resource
    Properties:
      SSESpecification:
        SSEEnabled: !If [IsDev, false, true]
  Skipped:
    Type: AWS::SQS::Queue
    Condition: Never
  Maybe:
    Type: AWS::SNS::Topic
    Condition: IsDev
`;

describe('readCloudFormationTemplate', () => {
  it('reads resources with region, source, stack and condition notes', () => {
    const result = readCloudFormationTemplate(YAML, 'shop.yaml', { region: 'eu-west-1', stackName: 'Shop' });
    expect(
      result.resources.map((resource) => [resource.address, resource.type, resource.source, resource.stack]),
    ).toEqual([
      [
        'Shop/Orders',
        'AWS::DynamoDB::Table',
        { file: 'shop.yaml', line: 8, construct: 'Shop/Orders/Resource' },
        'Shop',
      ],
      ['Shop/Maybe', 'AWS::SNS::Topic', { file: 'shop.yaml', line: 18 }, 'Shop'],
    ]);
    expect(result.resources[0]?.region).toEqual({
      known: true,
      value: 'eu-west-1',
      evidence: [{ path: '--region / config region', value: 'eu-west-1' }],
    });
    expect(JSON.parse(JSON.stringify(result.resources[0]?.properties))).toEqual({
      SSESpecification: {
        SSEEnabled:
          '(unknown: Fn::If IsDev: condition IsDev: parameter Env has no default; its value is given at deploy time)',
      },
    });
    expect(result.notes).toEqual([
      'shop.yaml: Shop/Skipped (AWS::SQS::Queue) is not deployed: its condition Never is false',
      'shop.yaml: Shop/Maybe (AWS::SNS::Topic) is checked although it may not be deployed: condition IsDev: parameter Env has no default; its value is given at deploy time',
    ]);
  });

  it('leaves the region unknown without --region, and addresses without a stack name', () => {
    const [first] = readCloudFormationTemplate(YAML, 'shop.yaml').resources;
    expect([first?.address, first?.region, first?.stack]).toEqual([
      'Orders',
      {
        known: false,
        reason:
          'a CloudFormation template does not state its region; pass --region or set `region` in the config',
        evidence: [],
      },
      undefined,
    ]);
  });

  it('notes a transform whose output it cannot see', () => {
    const text =
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n';
    expect(readCloudFormationTemplate(text, 'sam.yaml').notes).toEqual([
      'sam.yaml: the template declares Transform "AWS::Serverless-2016-10-31"; resources the transform adds at deploy time are not seen',
    ]);
  });

  it.each([
    {
      text: '[1, 2]',
      message: 'x: holds a list: not a CloudFormation template',
      code: 'EUGATE_INPUT_NOT_RECOGNISED',
    },
    {
      text: 'just text',
      message: 'x: holds a string: not a CloudFormation template',
      code: 'EUGATE_INPUT_NOT_RECOGNISED',
    },
    {
      text: '{"Parameters": {}}',
      message: 'x: has no Resources section: not a CloudFormation template',
      code: 'EUGATE_INPUT_NOT_RECOGNISED',
    },
    {
      text: 'Resources: [a]',
      message: 'x: its Resources section is not a map: not a CloudFormation template',
      code: 'EUGATE_INPUT_NOT_RECOGNISED',
    },
    {
      text: 'Resources:\n  A: {Properties: {}}\n',
      message: 'x (at Resources.A): resource A has no Type',
      code: 'EUGATE_INPUT_MALFORMED',
    },
  ])('rejects $text', ({ text, message, code }) => {
    let error: unknown;
    try {
      readCloudFormationTemplate(text, 'x');
    } catch (caught) {
      error = caught;
    }
    expect(isInputError(error) ? [error.code, error.message] : error).toEqual([code, message]);
  });
});
