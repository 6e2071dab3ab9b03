import { describe, expect, it } from 'vitest';
import { locateResources } from './locate.js';

const PLAN = `{
  "format_version": "1.2",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket.a",
          "type": "aws_s3_bucket"
        },
        { "address": "module.m.aws_s3_bucket.b[\\"x\\"]", "type": "aws_s3_bucket" }
      ]
    }
  },
  "resource_changes": [
    { "address": "aws_s3_bucket.a" }
  ]
}`;

const TEMPLATE_JSON = `{
  "Description": "Resources named like keys elsewhere must not match",
  "Parameters": { "Orders": { "Type": "String" } },
  "Resources": {
    "Orders": {
      "Type": "AWS::S3::Bucket",
      "Properties": { "Tags": [{ "Key": "Replica", "Value": "x" }] }
    },
    "Replica": { "Type": "AWS::S3::Bucket" }
  }
}`;

const TEMPLATE_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Orders:
    Type: String
Resources:
  Orders:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-orders"
  Replica:
    Type: AWS::S3::Bucket
`;

describe('locateResources', () => {
  it.each<[string, string, string[], Record<string, string>]>([
    [
      'a Terraform plan: the object holding the address, first occurrence',
      PLAN,
      ['aws_s3_bucket.a', 'module.m.aws_s3_bucket.b["x"]', 'aws_s3_bucket.missing'],
      { 'aws_s3_bucket.a': '6:9', 'module.m.aws_s3_bucket.b["x"]': '10:9' },
    ],
    [
      'a JSON template: the key in the top-level Resources map, never a parameter or a tag',
      TEMPLATE_JSON,
      ['Orders', 'Stack/Replica'],
      { Orders: '5:5', 'Stack/Replica': '9:5' },
    ],
    [
      'a YAML template with short-form tags',
      TEMPLATE_YAML,
      ['Stack/Orders', 'Replica'],
      { 'Stack/Orders': '6:3', Replica: '10:3' },
    ],
    ['malformed YAML: no lines, no error', 'Resources:\n  - a: [', ['a'], {}],
    [
      "a plan saved from setup-terraform's wrapper: lines counted from the top of the file",
      `[command]/tmp/terraform-bin show -json plan.out\n${PLAN}\n::debug::exitcode: 0\n{"address": "aws_s3_bucket.late"}`,
      ['aws_s3_bucket.a', 'aws_s3_bucket.late'],
      { 'aws_s3_bucket.a': '7:9' },
    ],
    [
      'a Pulumi export: the object holding the URN',
      '{"deployment":{"resources":[\n{"urn":"urn:pulumi:dev::p::aws:s3/bucket:Bucket::b"}]}}',
      ['urn:pulumi:dev::p::aws:s3/bucket:Bucket::b'],
      { 'urn:pulumi:dev::p::aws:s3/bucket:Bucket::b': '2:1' },
    ],
    [
      'a one-line plan, as terraform show -json writes it: the column tells',
      '{"planned_values":{"root_module":{"resources":[{"address":"a.x"},{"address":"a.y"}]}}}',
      ['a.x', 'a.y'],
      { 'a.x': '1:48', 'a.y': '1:66' },
    ],
  ])('%s', (_name, text, addresses, expected) => {
    const found = locateResources(text, new Set(addresses));
    expect(
      Object.fromEntries([...found].map(([address, at]) => [address, `${at.line}:${at.column}`])),
    ).toEqual(expected);
  });
});
