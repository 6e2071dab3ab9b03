// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax, not JavaScript templates.
import { isInputError } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from './parse.js';

const SHORT_FORMS: readonly { yaml: string; expected: unknown }[] = [
  { yaml: '!Ref Bucket', expected: { Ref: 'Bucket' } },
  { yaml: '!Sub "${AWS::Region}-x"', expected: { 'Fn::Sub': '${AWS::Region}-x' } },
  { yaml: '!Sub ["${A}", {A: !Ref B}]', expected: { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] } },
  { yaml: '!GetAtt Bucket.Arn', expected: { 'Fn::GetAtt': ['Bucket', 'Arn'] } },
  { yaml: '!GetAtt Db.Endpoint.Address', expected: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] } },
  { yaml: '!GetAtt [Bucket, Arn]', expected: { 'Fn::GetAtt': ['Bucket', 'Arn'] } },
  {
    yaml: '!If [IsProd, a, !Ref AWS::NoValue]',
    expected: { 'Fn::If': ['IsProd', 'a', { Ref: 'AWS::NoValue' }] },
  },
  { yaml: '!Join ["", [a, !Ref B]]', expected: { 'Fn::Join': ['', ['a', { Ref: 'B' }]] } },
  { yaml: '!Select [0, !GetAZs ""]', expected: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } },
  { yaml: '!GetAZs', expected: { 'Fn::GetAZs': '' } },
  { yaml: '!Split [",", a]', expected: { 'Fn::Split': [',', 'a'] } },
  {
    yaml: '!FindInMap [M, !Ref AWS::Region, K]',
    expected: { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'K'] },
  },
  { yaml: '!ImportValue Shared-Vpc', expected: { 'Fn::ImportValue': 'Shared-Vpc' } },
  { yaml: '!Equals [!Ref Env, prod]', expected: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
  { yaml: '!Not [!Condition IsProd]', expected: { 'Fn::Not': [{ Condition: 'IsProd' }] } },
  {
    yaml: '!And [!Condition A, !Condition B]',
    expected: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
  },
  {
    yaml: '!Or [!Condition A, !Condition B]',
    expected: { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] },
  },
  { yaml: '!Base64 "#!/bin/sh"', expected: { 'Fn::Base64': '#!/bin/sh' } },
  { yaml: '!Cidr [10.0.0.0/16, 6, 5]', expected: { 'Fn::Cidr': ['10.0.0.0/16', 6, 5] } },
  // Block form, as templates write !Sub with variables.
  { yaml: '!Sub\n    - "${A}"\n    - A: !Ref B', expected: { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] } },
  // Version dates stay strings under the YAML 1.2 core schema.
  { yaml: '2010-09-09', expected: '2010-09-09' },
];

describe('YAML short forms', () => {
  it.each(SHORT_FORMS)('$yaml', ({ yaml, expected }) => {
    expect(parseTemplateText(`Value: ${yaml}\n`, 't.yaml').value).toEqual({ Value: expected });
  });

  it('gives the line of each resource', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n\n  B:\n    Type: AWS::SQS::Queue\n';
    expect([...parseTemplateText(text, 't.yaml').resourceLines]).toEqual([
      ['A', 2],
      ['B', 5],
    ]);
  });

  it('expands ordinary aliases', () => {
    const text = 'Tags: &tags\n  - {Key: a, Value: b}\nOther: *tags\n';
    expect(parseTemplateText(text, 't.yaml').value).toEqual({
      Tags: [{ Key: 'a', Value: 'b' }],
      Other: [{ Key: 'a', Value: 'b' }],
    });
  });

  it('keeps __proto__ an own key', () => {
    const value = parseTemplateText('__proto__: {polluted: true}\n', 't.yaml').value as object;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '',
].join('\n');

const ERRORS: readonly { name: string; text: string; file: string; message: string }[] = [
  { name: 'empty', text: '', file: 't.yaml', message: 't.yaml: the file is empty' },
  { name: 'white space', text: ' \n', file: 't.yaml', message: 't.yaml: the file contains only white space' },
  {
    name: 'JSON trailing comma',
    text: '{\n  "Resources": {},\n}',
    file: 't.json',
    message: 't.json:3:1: malformed JSON: expected double-quoted property name',
  },
  {
    name: 'JSON truncated',
    text: '{\n  "Resources": {',
    file: 't.json',
    message: 't.json:2:17: truncated JSON: the file ends before the document is complete',
  },
  {
    name: 'YAML bad indentation',
    text: 'Resources:\n  A:\n    Type: x\n   B: y\n',
    file: 't.yaml',
    message: 't.yaml:4:1: malformed YAML: All mapping items must start at the same column',
  },
  {
    name: 'YAML duplicate key',
    text: 'Resources:\n  A: 1\n  A: 2\n',
    file: 't.yaml',
    message: 't.yaml:3:3: malformed YAML: Map keys must be unique',
  },
  {
    name: 'unknown tag',
    text: 'Value: !Shell rm -rf /\n',
    file: 't.yaml',
    message: 't.yaml:1: unknown YAML tag !Shell: it is not a CloudFormation intrinsic function',
  },
  {
    name: 'alias bomb',
    text: BILLION_LAUGHS,
    file: 't.yaml',
    message:
      't.yaml: YAML aliases expand to more than 10000 references or 1000000 values (an alias bomb?); a CloudFormation template does not need that',
  },
];

describe('malformed input', () => {
  it.each(ERRORS)('$name', ({ text, file, message }) => {
    const started = performance.now();
    let error: unknown;
    try {
      parseTemplateText(text, file);
    } catch (caught) {
      error = caught;
    }
    expect(isInputError(error) ? error.message : error).toBe(message);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
