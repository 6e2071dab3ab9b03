import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Fact, InputError, isUnknownValue, type RawResource, type ReadResult } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { looksLikeTerraformPlan, readTerraformPlan } from './plan.js';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

function readFixture(name: string): ReadResult {
  return readTerraformPlan(readFileSync(join(FIXTURES, name)), `fixtures/${name}`);
}

function byAddress(result: ReadResult): Map<string, RawResource> {
  return new Map(result.resources.map((resource) => [resource.address, resource]));
}

/** A region fact in one line: the value, or `unknown: <reason>`. */
function regionOf(fact: Fact<string>): string {
  return fact.known ? fact.value : `unknown: ${fact.reason}`;
}

describe('a Terraform 1.2 plan with nested modules, aliases, count and for_each', () => {
  const result = readFixture('modules-aliases-count.json');
  const resources = byAddress(result);

  it('reads managed resources that will exist, in plan order, and skips data sources and deletions', () => {
    expect(result.resources.map((resource) => resource.address)).toEqual([
      'aws_instance.web[0]',
      'aws_instance.web[1]',
      'aws_ebs_volume.data[0]',
      'aws_ebs_volume.data[1]',
      'aws_eip.web',
      'aws_sqs_queue.reports',
      'aws_security_group.web',
      'random_id.suffix',
      'module.storage.aws_s3_bucket.this["logs"]',
      'module.storage.aws_s3_bucket.this["data"]',
      'module.storage.aws_s3_bucket_public_access_block.this["logs"]',
      'module.storage.aws_s3_bucket_public_access_block.this["data"]',
      'module.storage.aws_s3_bucket_logging.data',
      'module.storage.module.keys.aws_kms_key.this',
      'module.audit.aws_cloudwatch_log_group.this',
      'module.audit.aws_s3_bucket.archive',
    ]);
    expect(result.notes).toEqual([
      'fixtures/modules-aliases-count.json: 1 resource is planned for deletion and was not evaluated',
    ]);
  });

  it.each([
    ['aws_instance.web[0]', 'aws_instance', 'terraform-aws', 'root'],
    ['random_id.suffix', 'random_id', 'terraform:random', 'root'],
    ['module.storage.aws_s3_bucket.this["logs"]', 'aws_s3_bucket', 'terraform-aws', 'module.storage'],
    [
      'module.storage.module.keys.aws_kms_key.this',
      'aws_kms_key',
      'terraform-aws',
      'module.storage.module.keys',
    ],
  ])('%s has type %s, schema %s and stack %s', (address, type, schema, stack) => {
    const resource = resources.get(address);
    expect(resource).toMatchObject({
      type,
      schema,
      stack,
      source: { file: 'fixtures/modules-aliases-count.json' },
    });
  });

  it.each([
    // root resources: the default provider
    ['aws_instance.web[0]', 'eu-central-1', 'configuration.provider_config["aws"].expressions.region'],
    // AWS provider v6: the resource's own region argument wins
    ['aws_sqs_queue.reports', 'eu-west-3', 'region'],
    // `providers = { aws = aws.us }`: Terraform 1.2 writes the caller's key on the resource
    [
      'module.storage.aws_s3_bucket.this["data"]',
      'us-east-1',
      'configuration.provider_config["aws.us"].expressions.region',
    ],
    [
      'module.storage.module.keys.aws_kms_key.this',
      'us-east-1',
      'configuration.provider_config["aws.us"].expressions.region',
    ],
    // no provider block in the module: the root's default configuration is inherited
    [
      'module.audit.aws_cloudwatch_log_group.this',
      'eu-central-1',
      'configuration.provider_config["aws"].expressions.region',
    ],
    // a computed `region` attribute that is known (no-op) is the resource's real region
    ['module.audit.aws_s3_bucket.archive', 'eu-central-1', 'region'],
  ])('%s is in %s (evidence %s)', (address, region, path) => {
    const fact = resources.get(address)?.region;
    expect(fact).toEqual({ known: true, value: region, evidence: [{ path, value: region }] });
  });

  it('gives non-AWS resources no region of their own', () => {
    expect(resources.get('random_id.suffix')?.region).toEqual({
      known: false,
      reason: 'random resources carry their own location',
      evidence: [],
    });
  });

  it.each([
    // count: the same index when the target has it
    ['aws_ebs_volume.data[1]', { availability_zone: ['aws_instance.web[1]'] }],
    // a literal index in the expression names exactly that instance
    ['aws_eip.web', { instance: ['aws_instance.web[1]'] }],
    // a count instance referring to a resource without count; var.* is kept as written
    [
      'aws_instance.web[0]',
      {
        vpc_security_group_ids: ['aws_security_group.web'],
        user_data: ['random_id.suffix', 'var.user_data'],
      },
    ],
    // for_each: the same key
    [
      'module.storage.aws_s3_bucket_public_access_block.this["data"]',
      { bucket: ['module.storage.aws_s3_bucket.this["data"]'] },
    ],
    // literal string keys
    [
      'module.storage.aws_s3_bucket_logging.data',
      {
        bucket: ['module.storage.aws_s3_bucket.this["data"]'],
        target_bucket: ['module.storage.aws_s3_bucket.this["logs"]'],
      },
    ],
  ])('%s references %j', (address, references) => {
    expect(resources.get(address)?.references).toEqual(references);
  });

  it('gives a resource whose configuration references nothing an empty record, not undefined', () => {
    expect(resources.get('aws_security_group.web')?.references).toEqual({});
  });

  it('marks values known only after apply where they occur, also inside nested blocks', () => {
    const properties = resources.get('aws_instance.web[0]')?.properties as Record<string, unknown>;
    expect(isUnknownValue(properties.arn)).toBe(true);
    expect(isUnknownValue(properties.tags_all)).toBe(true);
    // an unknown attribute absent from `after` is added; a known sibling is kept
    const ebs = (properties.ebs_block_device as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(ebs.volume_size).toBe(8);
    expect(isUnknownValue(ebs.volume_id)).toBe(true);
    expect(ebs.encrypted).toBeUndefined(); // `false` in after_unknown means known (here: absent)
    const root = (properties.root_block_device as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(root.volume_size).toBe(20);
    expect(isUnknownValue(root.kms_key_id)).toBe(true);
    expect(properties.tags).toEqual({ Name: 'web-0' });
    expect(JSON.parse(JSON.stringify(properties.network_interface))).toBe(
      '(unknown: known only after apply)',
    );
  });

  it('keeps the values of a replaced resource as planned', () => {
    expect(resources.get('aws_security_group.web')?.properties).toMatchObject({ name: 'web' });
  });
});

describe('a Terraform 0.14 plan with short provider keys', () => {
  const resources = byAddress(readFixture('legacy-module-keys.json'));

  it.each([
    ['aws_s3_bucket.eu', 'eu-west-1'],
    ['aws_s3_bucket.us', 'us-east-1'],
    // the module's own provider block
    ['module.db.aws_db_instance.this', 'eu-north-1'],
  ])('%s is in %s', (address, region) => {
    expect(regionOf(resources.get(address)?.region as Fact<string>)).toBe(region);
  });

  it('does not guess which configuration a module was given when the plan cannot tell', () => {
    // module.replica's caller (module.db) has one aws configuration only, yet aliases exist at the
    // root that module.db could pass; Terraform 0.14 does not record module provider passing.
    expect(
      regionOf(resources.get('module.db.module.replica.aws_db_instance.this')?.region as Fact<string>),
    ).toBe(
      'unknown: module.db.module.replica uses the default "aws" provider, but this plan (Terraform 0.14.11) does not record whether its module call passes it another aws configuration (the plan also has aws.us, module.web:aws.edge); newer Terraform versions record it',
    );
    expect(regionOf(resources.get('module.web.aws_instance.this')?.region as Fact<string>)).toMatch(
      /^unknown: module\.web uses the default "aws" provider/,
    );
    expect(resources.get('module.web.aws_cloudfront_distribution.edge')?.region).toEqual({
      known: false,
      reason:
        'provider "aws.edge" of module.web is passed in by its module call, which this plan does not record',
      evidence: [{ path: 'configuration.provider_config["module.web:aws.edge"]', value: '(not set)' }],
    });
  });
});

describe('regions from variables, locals and the environment', () => {
  const resources = byAddress(readFixture('regions-from-variables.json'));

  it('follows var.region to the value the plan records, with both as evidence', () => {
    expect(resources.get('aws_sqs_queue.from_var')?.region).toEqual({
      known: true,
      value: 'eu-west-1',
      evidence: [
        { path: 'configuration.provider_config["aws"].expressions.region', value: 'var.region' },
        { path: 'variables.region.value', value: 'eu-west-1' },
      ],
    });
  });

  it('follows a module variable through the module call arguments', () => {
    expect(resources.get('module.eu.aws_sqs_queue.this')?.region).toEqual({
      known: true,
      value: 'eu-south-1',
      evidence: [
        { path: 'configuration.provider_config["module.eu:aws"].expressions.region', value: 'var.location' },
        { path: 'configuration.root_module.module_calls.eu.expressions.location', value: 'eu-south-1' },
      ],
    });
    expect(resources.get('module.outer.module.inner.aws_sqs_queue.this')?.region).toMatchObject({
      known: true,
      value: 'eu-west-1',
    });
  });

  it.each([
    [
      'aws_sqs_queue.from_local',
      'the region of provider "aws.local" comes from local.region, which the plan does not resolve',
    ],
    [
      'aws_sqs_queue.no_region',
      'provider "aws.bare" sets no region; it would come from the environment (AWS_REGION) at plan time',
    ],
    [
      'aws_sqs_queue.from_env_var',
      'the region of provider "aws.env" is derived from var.env = "prod", which is not an AWS region by itself',
    ],
    [
      'aws_sqs_queue.unknown_region_argument',
      'the resource sets its region argument to a value known only after apply',
    ],
  ])('%s has an unknown region', (address, reason) => {
    expect(regionOf(resources.get(address)?.region as Fact<string>)).toBe(`unknown: ${reason}`);
  });
});

describe('input from an attacker', () => {
  it('never copies "__proto__" keys onto Object.prototype and still reads the resource', () => {
    const plan = `{
      "format_version": "1.2",
      "resource_changes": [{
        "address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {
          "actions": ["create"],
          "after": { "bucket": "b", "__proto__": { "polluted": true }, "tags": { "__proto__": { "polluted": true } } },
          "after_unknown": { "__proto__": { "polluted": true, "x": true }, "constructor": { "prototype": true }, "tags": { "__proto__": true } }
        }
      }],
      "configuration": {
        "provider_config": {
          "__proto__": { "polluted": true },
          "aws": { "name": "aws", "expressions": { "region": { "constant_value": "eu-west-1" } } }
        },
        "root_module": {
          "__proto__": { "polluted": true },
          "resources": [{
            "address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
            "provider_config_key": "aws",
            "expressions": { "__proto__": { "references": ["aws_s3_bucket.b"] }, "bucket": { "constant_value": "b" } }
          }],
          "module_calls": { "__proto__": { "module": { "resources": [] } } }
        }
      }
    }`;
    const result = readTerraformPlan(plan, 'evil.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.resources.map((resource) => resource.address)).toEqual(['aws_s3_bucket.b']);
    const properties = result.resources[0]?.properties as Record<string, unknown>;
    expect(properties.bucket).toBe('b');
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    // `constructor` was not an own key of `after`: a new own object, not Object.prototype.constructor
    expect(Object.hasOwn(properties, 'constructor')).toBe(true);
    expect(typeof Object.prototype.constructor).toBe('function');
    expect(result.resources[0]?.region).toMatchObject({ known: true, value: 'eu-west-1' });
  });
});

describe('bad input', () => {
  const plan = (extra: string) => `{"format_version": "1.2", "terraform_version": "1.9.0"${extra}}`;

  it.each([
    ['an empty file', '', 'fixtures/bad.json: the file is empty'],
    ['white space only', ' \n\t\n', 'fixtures/bad.json: the file contains only white space'],
    [
      'truncated JSON',
      '{\n  "format_version": "1.2",\n  "resource_changes": [\n    {"address": "aws_s3_bucket.b",',
      'fixtures/bad.json:4:35: truncated JSON: the file ends before the JSON document is complete',
    ],
    [
      'a syntax error',
      '{\n  "format_version": "1.2",\n  "resource_changes": nope\n}',
      "fixtures/bad.json:3:24: malformed JSON: unexpected character 'o'",
    ],
    [
      'text that is not JSON',
      'Error: no plan file',
      "fixtures/bad.json:1:1: malformed JSON: unexpected character 'E'",
    ],
    ['a JSON array', '[1, 2]', 'fixtures/bad.json: holds a JSON array: not a terraform show -json plan'],
    ['a JSON string', '"plan"', 'fixtures/bad.json: holds a JSON string: not a terraform show -json plan'],
    [
      'JSON that is not a plan',
      '{"name": "x", "version": "1.0.0"}',
      'fixtures/bad.json: no format_version and no planned_values/resource_changes: not a terraform show -json plan',
    ],
    [
      'a state file',
      '{"format_version": "1.0", "terraform_version": "1.9.0", "values": {}}',
      'fixtures/bad.json: no planned_values/resource_changes: not a terraform show -json plan',
    ],
    [
      'format_version 2.0',
      '{"format_version": "2.0", "resource_changes": []}',
      'fixtures/bad.json (at format_version): plan format_version 2.0 is not supported (eugate reads format versions 0.x and 1.x)',
    ],
    [
      'resource_changes that are not a list',
      plan(', "resource_changes": {}'),
      'fixtures/bad.json (at resource_changes): resource_changes is not a list',
    ],
    [
      'a change without actions',
      plan(
        ', "resource_changes": [{"address": "a.b", "mode": "managed", "type": "a", "name": "b", "change": {}}]',
      ),
      'fixtures/bad.json (at resource_changes[0]): a resource change has no change.actions list',
    ],
    [
      'a resource without a type',
      plan(
        ', "resource_changes": [{"address": "a.b", "mode": "managed", "name": "b", "change": {"actions": ["create"]}}]',
      ),
      'fixtures/bad.json (at resource_changes[0]): a resource has no address, type or name',
    ],
  ])('%s is an input error naming the file', (_, text, message) => {
    const read = () => readTerraformPlan(text, 'fixtures/bad.json');
    expect(read).toThrow(InputError);
    expect(read).toThrow(message);
    try {
      read();
    } catch (error) {
      expect((error as InputError).message).toBe(message);
    }
  });

  it('reads the bytes of an empty file as an empty-file error', () => {
    expect(() => readTerraformPlan(new Uint8Array(0), 'plan.json')).toThrow('plan.json: the file is empty');
  });
});

describe('hashicorp/setup-terraform wrapper output', () => {
  it('reads the JSON between the command line and the ::debug:: lines, and says so', () => {
    const json = JSON.stringify({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_sqs_queue.q',
          mode: 'managed',
          type: 'aws_sqs_queue',
          name: 'q',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: { actions: ['create'], after: { name: 'q}"{' }, after_unknown: {} },
        },
      ],
    });
    const text = `[command]/home/runner/terraform-bin show -json plan.out\n${json}\n::debug::Terraform exited with code 0.\n::debug::stdout: ${json}\n::set-output name=exitcode::0\n`;
    const result = readTerraformPlan(text, 'plan.txt');
    expect(result.resources.map((resource) => resource.properties)).toEqual([{ name: 'q}"{' }]);
    expect(result.notes).toEqual([
      'plan.txt: the plan JSON is wrapped in other output (hashicorp/setup-terraform wrapper?); 1 line(s) before and 3 after it were ignored',
    ]);
  });
});

describe('looksLikeTerraformPlan', () => {
  it.each([
    [{ format_version: '1.2', planned_values: {} }, true],
    [{ format_version: '0.1', configuration: {} }, true],
    [{ format_version: '1.2', resource_changes: [] }, true],
    [{ format_version: '1.0', values: {} }, false], // state
    [{ format_version: '1.0', provider_schemas: {} }, false],
    [{ planned_values: {} }, false],
    [[{ format_version: '1.2', planned_values: {} }], false],
    [null, false],
    ['{"format_version": "1.2"}', false],
  ])('%j → %s', (value, expected) => {
    expect(looksLikeTerraformPlan(value)).toBe(expected);
  });
});

describe('plans without resource_changes', () => {
  it('falls back to planned_values, across child modules, skipping data sources', () => {
    const result = readTerraformPlan(
      JSON.stringify({
        format_version: '0.1',
        planned_values: {
          root_module: {
            resources: [
              {
                address: 'aws_s3_bucket.a',
                mode: 'managed',
                type: 'aws_s3_bucket',
                name: 'a',
                provider_name: 'aws',
                values: { bucket: 'a' },
              },
              {
                address: 'data.aws_region.r',
                mode: 'data',
                type: 'aws_region',
                name: 'r',
                provider_name: 'aws',
                values: {},
              },
            ],
            child_modules: [
              {
                address: 'module.m[0]',
                resources: [
                  {
                    address: 'module.m[0].aws_s3_bucket.b',
                    mode: 'managed',
                    type: 'aws_s3_bucket',
                    name: 'b',
                    provider_name: 'aws',
                    values: { bucket: 'b' },
                  },
                ],
              },
            ],
          },
        },
        configuration: {
          provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
          root_module: {
            resources: [
              {
                address: 'aws_s3_bucket.a',
                mode: 'managed',
                type: 'aws_s3_bucket',
                name: 'a',
                provider_config_key: 'aws',
              },
            ],
            module_calls: {
              m: {
                module: {
                  resources: [
                    {
                      address: 'aws_s3_bucket.b',
                      mode: 'managed',
                      type: 'aws_s3_bucket',
                      name: 'b',
                      provider_config_key: 'm:aws',
                    },
                  ],
                },
              },
            },
          },
        },
      }),
      'old.json',
    );
    expect(
      result.resources.map((resource) => [resource.address, resource.stack, regionOf(resource.region)]),
    ).toEqual([
      ['aws_s3_bucket.a', 'root', 'eu-west-1'],
      ['module.m[0].aws_s3_bucket.b', 'module.m[0]', 'eu-west-1'],
    ]);
    expect(result.notes).toEqual([
      'old.json: the plan has no resource_changes; resources were read from planned_values, where values known only after apply are absent rather than marked unknown',
    ]);
  });
});
