// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not JavaScript templates.
import { isInputError } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { isCloudFormationReference } from './intrinsics.js';
import { type CloudFormationTemplateOptions, readCloudFormationTemplate } from './template.js';

/**
 * Each row puts one expression in the `Value` property of a topic and states what it resolves to
 * (unknown values as their JSON form, `(unknown: <reason>)`) and which resources it refers to.
 */
const BASE = {
  Parameters: {
    Env: { Type: 'String', Default: 'prod' },
    Owner: { Type: 'String' },
    Zones: { Type: 'CommaDelimitedList', Default: 'a,b,c' },
    Bootstrap: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/version' },
  },
  Mappings: {
    RegionMap: { 'eu-west-1': { Jurisdiction: 'EU' }, 'us-east-1': { Jurisdiction: 'US' } },
  },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
    IsOwned: { 'Fn::Equals': [{ Ref: 'Owner' }, 'team-a'] },
    IsEu: {
      'Fn::Equals': [{ 'Fn::FindInMap': ['RegionMap', { Ref: 'AWS::Region' }, 'Jurisdiction'] }, 'EU'],
    },
    NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    ProdAndOwned: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'IsOwned' }] },
    NotProdAndOwned: { 'Fn::And': [{ Condition: 'NotProd' }, { Condition: 'IsOwned' }] },
    ProdOrOwned: { 'Fn::Or': [{ Condition: 'IsProd' }, { Condition: 'IsOwned' }] },
  },
  Resources: {
    Key: { Type: 'AWS::KMS::Key' },
    Named: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': 'orders-${Env}' } } },
  },
};

const EU: CloudFormationTemplateOptions = { region: 'eu-west-1', stackName: 'Shop', account: '111111111111' };
const NO_REGION =
  '(unknown: a CloudFormation template does not state its region; pass --region or set `region` in the config)';

interface Row {
  readonly name: string;
  readonly value: unknown;
  readonly options?: CloudFormationTemplateOptions;
  readonly expected: unknown;
  readonly references?: readonly string[];
}

const ROWS: readonly Row[] = [
  // Ref
  { name: 'Ref parameter default', value: { Ref: 'Env' }, expected: 'prod' },
  {
    name: 'Ref parameter without default',
    value: { Ref: 'Owner' },
    expected: '(unknown: parameter Owner has no default; its value is given at deploy time)',
  },
  {
    name: 'Ref parameter given',
    value: { Ref: 'Owner' },
    options: { parameters: { Owner: 'x' } },
    expected: 'x',
  },
  { name: 'Ref CommaDelimitedList', value: { Ref: 'Zones' }, expected: ['a', 'b', 'c'] },
  {
    name: 'Ref SSM parameter',
    value: { Ref: 'Bootstrap' },
    expected:
      '(unknown: parameter Bootstrap is read from SSM parameter /cdk-bootstrap/version at deploy time)',
  },
  {
    name: 'Ref resource',
    value: { Ref: 'Key' },
    expected: '(unknown: Ref Key: the physical id of Shop/Key is known only after deploy)',
    references: ['Shop/Key'],
  },
  {
    name: 'Ref bucket with a known name',
    value: { Ref: 'Named' },
    expected: 'orders-prod',
    references: ['Shop/Named'],
  },
  // Pseudo parameters
  { name: 'AWS::Region', value: { Ref: 'AWS::Region' }, expected: 'eu-west-1' },
  { name: 'AWS::Region unknown', value: { Ref: 'AWS::Region' }, options: {}, expected: NO_REGION },
  { name: 'AWS::Partition aws', value: { Ref: 'AWS::Partition' }, expected: 'aws' },
  {
    name: 'AWS::Partition cn',
    value: { Ref: 'AWS::Partition' },
    options: { region: 'cn-north-1' },
    expected: 'aws-cn',
  },
  {
    name: 'AWS::Partition gov',
    value: { Ref: 'AWS::Partition' },
    options: { region: 'us-gov-west-1' },
    expected: 'aws-us-gov',
  },
  {
    name: 'AWS::Partition eusc',
    value: { Ref: 'AWS::Partition' },
    options: { region: 'eusc-de-east-1' },
    expected: 'aws-eusc',
  },
  {
    name: 'AWS::Partition without region',
    value: { Ref: 'AWS::Partition' },
    options: {},
    expected: NO_REGION,
  },
  {
    name: 'AWS::URLSuffix cn',
    value: { Ref: 'AWS::URLSuffix' },
    options: { region: 'cn-north-1' },
    expected: 'amazonaws.com.cn',
  },
  { name: 'AWS::AccountId', value: { Ref: 'AWS::AccountId' }, expected: '111111111111' },
  {
    name: 'AWS::AccountId unknown',
    value: { Ref: 'AWS::AccountId' },
    options: {},
    expected: '(unknown: AWS::AccountId: the account is chosen at deploy time (the input does not state it))',
  },
  { name: 'AWS::StackName', value: { Ref: 'AWS::StackName' }, expected: 'Shop' },
  { name: 'AWS::NoValue in a list', value: ['a', { Ref: 'AWS::NoValue' }, 'b'], expected: ['a', 'b'] },
  { name: 'AWS::NoValue in a map', value: { A: 1, B: { Ref: 'AWS::NoValue' } }, expected: { A: 1 } },
  // Fn::GetAtt
  {
    name: 'GetAtt list form',
    value: { 'Fn::GetAtt': ['Key', 'Arn'] },
    expected: '(unknown: Fn::GetAtt Key.Arn: known only after deploy)',
    references: ['Shop/Key'],
  },
  {
    name: 'GetAtt string form',
    value: { 'Fn::GetAtt': 'Key.KeyId' },
    expected: '(unknown: Fn::GetAtt Key.KeyId: known only after deploy)',
    references: ['Shop/Key'],
  },
  {
    name: 'GetAtt bucket Arn derived',
    value: { 'Fn::GetAtt': ['Named', 'Arn'] },
    expected: 'arn:aws:s3:::orders-prod',
    references: ['Shop/Named'],
  },
  // Fn::Sub
  {
    name: 'Sub pseudo and parameter',
    value: { 'Fn::Sub': '${Env}-${AWS::Region}' },
    expected: 'prod-eu-west-1',
  },
  { name: 'Sub literal', value: { 'Fn::Sub': '${!Literal}-${Env}' }, expected: '${Literal}-prod' },
  {
    name: 'Sub variables',
    value: { 'Fn::Sub': ['${A}/${Env}', { A: { Ref: 'AWS::Partition' } }] },
    expected: 'aws/prod',
  },
  {
    name: 'Sub resource attribute',
    value: { 'Fn::Sub': 'arn:${Key.Arn}' },
    expected: '(unknown: Fn::Sub "arn:${Key.Arn}": ${Key.Arn}: Fn::GetAtt Key.Arn: known only after deploy)',
    references: ['Shop/Key'],
  },
  // Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::Length
  { name: 'Join', value: { 'Fn::Join': ['-', ['a', { Ref: 'Env' }, 3]] }, expected: 'a-prod-3' },
  {
    name: 'Join with unknown',
    value: { 'Fn::Join': ['', ['a', { Ref: 'Owner' }]] },
    expected: '(unknown: Fn::Join: parameter Owner has no default; its value is given at deploy time)',
  },
  { name: 'Select', value: { 'Fn::Select': ['1', { Ref: 'Zones' }] }, expected: 'b' },
  {
    name: 'Select from GetAZs',
    value: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    expected: '(unknown: Fn::Select: Fn::GetAZs: the Availability Zones are listed at deploy time)',
  },
  {
    name: 'Select known element beside unknown',
    value: { 'Fn::Select': [0, ['x', { Ref: 'Owner' }]] },
    expected: 'x',
  },
  { name: 'Split', value: { 'Fn::Split': ['/', 'a/b'] }, expected: ['a', 'b'] },
  {
    name: 'Base64 stays plain',
    value: { 'Fn::Base64': { 'Fn::Sub': 'echo ${Env}' } },
    expected: 'echo prod',
  },
  { name: 'Length', value: { 'Fn::Length': { Ref: 'Zones' } }, expected: 3 },
  {
    name: 'Cidr',
    value: { 'Fn::Cidr': ['10.0.0.0/16', 6, 5] },
    expected: '(unknown: Fn::Cidr: the address blocks are computed at deploy time)',
  },
  // Fn::If and conditions
  { name: 'If true', value: { 'Fn::If': ['IsProd', 'p', 'q'] }, expected: 'p' },
  { name: 'If false', value: { 'Fn::If': ['NotProd', 'p', 'q'] }, expected: 'q' },
  { name: 'If NoValue', value: { A: { 'Fn::If': ['NotProd', 'p', { Ref: 'AWS::NoValue' }] } }, expected: {} },
  {
    name: 'If unknown',
    value: { 'Fn::If': ['IsOwned', 'p', 'q'] },
    expected:
      '(unknown: Fn::If IsOwned: condition IsOwned: parameter Owner has no default; its value is given at deploy time)',
  },
  { name: 'If unknown, equal branches', value: { 'Fn::If': ['IsOwned', 'p', 'p'] }, expected: 'p' },
  { name: 'And decided by a false', value: { 'Fn::If': ['NotProdAndOwned', 'p', 'q'] }, expected: 'q' },
  { name: 'Or decided by a true', value: { 'Fn::If': ['ProdOrOwned', 'p', 'q'] }, expected: 'p' },
  {
    name: 'And undecided',
    value: { 'Fn::If': ['ProdAndOwned', 'p', 'q'] },
    expected:
      '(unknown: Fn::If ProdAndOwned: condition ProdAndOwned: condition IsOwned: parameter Owner has no default; its value is given at deploy time)',
  },
  {
    name: 'Condition over FindInMap by region',
    value: { 'Fn::If': ['IsEu', 'eu', 'other'] },
    expected: 'eu',
  },
  {
    name: 'Condition over FindInMap, region unknown',
    value: { 'Fn::If': ['IsEu', 'eu', 'other'] },
    options: {},
    expected: `(unknown: Fn::If IsEu: condition IsEu: Fn::FindInMap RegionMap: ${NO_REGION.slice(10, -1)})`,
  },
  // Fn::FindInMap, Fn::ImportValue
  {
    name: 'FindInMap',
    value: { 'Fn::FindInMap': ['RegionMap', 'us-east-1', 'Jurisdiction'] },
    expected: 'US',
  },
  {
    name: 'FindInMap default',
    value: { 'Fn::FindInMap': ['RegionMap', 'ap-south-1', 'Jurisdiction', { DefaultValue: 'OTHER' }] },
    expected: 'OTHER',
  },
  {
    name: 'ImportValue given',
    value: { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-VpcId' } },
    options: { exports: { 'prod-VpcId': 'vpc-1' } },
    expected: 'vpc-1',
  },
  {
    name: 'ImportValue not given',
    value: { 'Fn::ImportValue': 'Other-VpcId' },
    expected: '(unknown: Fn::ImportValue Other-VpcId: exported by a stack outside this input)',
  },
  {
    name: 'IAM Condition is not an intrinsic',
    value: { Condition: { Bool: { 'aws:SecureTransport': false } } },
    expected: { Condition: { Bool: { 'aws:SecureTransport': false } } },
  },
  {
    name: 'unknown function',
    value: { 'Fn::Transform': { Name: 'X' } },
    expected: '(unknown: Fn::Transform is not evaluated by eugate)',
  },
];

function read(value: unknown, options: CloudFormationTemplateOptions = EU, extra: object = {}) {
  const template = {
    ...BASE,
    ...extra,
    Resources: { ...BASE.Resources, Topic: { Type: 'AWS::SNS::Topic', Properties: { Value: value } } },
  };
  const result = readCloudFormationTemplate(JSON.stringify(template), 'template.json', options);
  const topic = result.resources.find((resource) => resource.type === 'AWS::SNS::Topic');
  if (topic === undefined) throw new Error('no topic');
  return topic;
}

describe('intrinsic functions', () => {
  it.each(ROWS)('$name', ({ value, options, expected, references }) => {
    const topic = read(value, options);
    expect(JSON.parse(JSON.stringify(topic.properties.Value ?? null))).toEqual(expected);
    expect(topic.references?.Value).toEqual(references);
  });

  it('marks a resource reference with its address and attribute', () => {
    const value = read({ 'Fn::GetAtt': ['Key', 'Arn'] }).properties.Value;
    expect(isCloudFormationReference(value) ? [value.address, value.attribute] : value).toEqual([
      'Shop/Key',
      'Arn',
    ]);
  });

  it('removes a property that resolves to AWS::NoValue', () => {
    expect(Object.keys(read({ Ref: 'AWS::NoValue' }).properties)).toEqual([]);
  });

  const ERRORS: readonly { name: string; value: unknown; extra?: object; message: string }[] = [
    {
      name: 'Ref to nothing',
      value: { Ref: 'Missing' },
      message:
        'template.json (at Resources.Topic.Properties.Value): Ref Missing: the template has no parameter or resource of that name',
    },
    {
      name: 'conditions that use each other',
      value: { 'Fn::If': ['A', 1, 2] },
      extra: {
        Conditions: { A: { 'Fn::Not': [{ Condition: 'B' }] }, B: { 'Fn::Not': [{ Condition: 'A' }] } },
      },
      message:
        'template.json (at Resources.Topic.Properties.Value): circular reference: condition A → condition B → condition A',
    },
    {
      name: 'a bucket named after itself',
      value: { Ref: 'Self' },
      extra: {
        Resources: {
          Self: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': '${Self.Arn}' } } },
        },
      },
      message:
        'template.json (at Resources.Self.Properties.BucketName): circular reference: Shop/Self.BucketName → Shop/Self.BucketName',
    },
    {
      name: 'FindInMap missing key',
      value: { 'Fn::FindInMap': ['RegionMap', 'eu-west-1', 'Nope'] },
      message:
        'template.json (at Resources.Topic.Properties.Value): Fn::FindInMap: mapping RegionMap has no entry eu-west-1.Nope',
    },
  ];

  it.each(ERRORS)('$name is an input error', ({ value, extra, message }) => {
    const template = {
      ...BASE,
      ...extra,
      Resources: {
        ...BASE.Resources,
        ...(extra as { Resources?: object } | undefined)?.Resources,
        Topic: { Type: 'AWS::SNS::Topic', Properties: { Value: value } },
      },
    };
    let error: unknown;
    try {
      readCloudFormationTemplate(JSON.stringify(template), 'template.json', EU);
    } catch (caught) {
      error = caught;
    }
    expect(isInputError(error) ? error.message : error).toBe(message);
  });
});
