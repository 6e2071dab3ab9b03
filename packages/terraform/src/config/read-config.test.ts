// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform's ${…} templates, not JavaScript templates.
import { InputError, isUnknownValue, type RawResource, type ReadResult } from '@eugate/core';
import { describe, expect, it } from 'vitest';
import { looksLikeTerraformJsonConfig, readTerraformJsonConfig } from './read-config.js';

const FILE = 'stack/cdk.tf.json';

function read(document: unknown, options = {}): ReadResult {
  return readTerraformJsonConfig(JSON.stringify(document, null, 2), FILE, options);
}

function byAddress(result: ReadResult): Record<string, RawResource> {
  return Object.fromEntries(result.resources.map((resource) => [resource.address, resource]));
}

function resource(document: unknown, address: string, options = {}): RawResource {
  const found = byAddress(read(document, options))[address];
  if (found === undefined) throw new Error(`no ${address}`);
  return found;
}

/** The reason of an UnknownValue, or a marker that the value is known. */
function reasonOf(value: unknown): string {
  return isUnknownValue(value) ? value.reason : `(known: ${JSON.stringify(value)})`;
}

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError');
}

const RG = { azurerm_resource_group: { rg: { name: 'rg', location: 'West Europe' } } };

describe('references, variables and locals', () => {
  const cases: {
    name: string;
    document: Record<string, unknown>;
    options?: Record<string, unknown>;
    address: string;
    argument: string;
    value?: unknown;
    unknown?: RegExp;
    references?: readonly string[];
  }[] = [
    {
      name: "another resource's known argument",
      document: {
        resource: {
          ...RG,
          azurerm_storage_account: { s: { location: '${azurerm_resource_group.rg.location}' } },
        },
      },
      address: 'azurerm_storage_account.s',
      argument: 'location',
      value: 'West Europe',
      references: ['azurerm_resource_group.rg'],
    },
    {
      name: 'an attribute known only after apply',
      document: {
        resource: {
          ...RG,
          azurerm_storage_account: { s: { resource_group_id: '${azurerm_resource_group.rg.id}' } },
        },
      },
      address: 'azurerm_storage_account.s',
      argument: 'resource_group_id',
      unknown: /azurerm_resource_group\.rg\.id is known only after apply/,
      references: ['azurerm_resource_group.rg'],
    },
    {
      name: 'a variable default',
      document: {
        variable: { tls: { default: 'TLS1_2' } },
        resource: { azurerm_storage_account: { s: { min_tls_version: '${var.tls}' } } },
      },
      address: 'azurerm_storage_account.s',
      argument: 'min_tls_version',
      value: 'TLS1_2',
      references: ['var.tls'],
    },
    {
      name: 'a given variable value wins over the default',
      document: {
        variable: { tls: { default: 'TLS1_2' } },
        resource: { azurerm_storage_account: { s: { min_tls_version: '${var.tls}' } } },
      },
      options: { variables: { tls: 'TLS1_0' } },
      address: 'azurerm_storage_account.s',
      argument: 'min_tls_version',
      value: 'TLS1_0',
    },
    {
      name: 'a variable without default or value',
      document: {
        variable: { location: { type: 'string' } },
        resource: { azurerm_storage_account: { s: { location: '${var.location}' } } },
      },
      address: 'azurerm_storage_account.s',
      argument: 'location',
      unknown: /var\.location has no default and no value is given/,
      references: ['var.location'],
    },
    {
      name: 'locals through locals, inside a template',
      document: {
        locals: { env: 'prod', name: 'orders-${local.env}' },
        resource: { aws_s3_bucket: { b: { bucket: '${local.name}-eu' } } },
      },
      address: 'aws_s3_bucket.b',
      argument: 'bucket',
      value: 'orders-prod-eu',
      references: ['local.env', 'local.name'],
    },
    {
      name: 'a map element of a local',
      document: {
        locals: { settings: { tls: 'TLS1_2' } },
        resource: { azurerm_storage_account: { s: { min_tls_version: '${local.settings.tls}' } } },
      },
      address: 'azurerm_storage_account.s',
      argument: 'min_tls_version',
      value: 'TLS1_2',
    },
    {
      name: 'a whole-value reference keeps its type',
      document: {
        variable: { public: { default: false } },
        resource: { azurerm_storage_account: { s: { public_network_access_enabled: '${var.public}' } } },
      },
      address: 'azurerm_storage_account.s',
      argument: 'public_network_access_enabled',
      value: false,
    },
    {
      name: 'a literal `$${` is not an interpolation',
      document: { resource: { aws_s3_bucket: { b: { bucket: 'a-$${b}' } } } },
      address: 'aws_s3_bucket.b',
      argument: 'bucket',
      value: 'a-${b}',
    },
    {
      name: 'a function call',
      document: { resource: { aws_s3_bucket: { b: { bucket: '${lower("ORDERS")}' } } } },
      address: 'aws_s3_bucket.b',
      argument: 'bucket',
      unknown: /calls lower\(\), which eugate does not evaluate/,
      references: ['lower("ORDERS")'],
    },
    {
      name: 'a function of a resource argument still records the reference',
      document: {
        resource: {
          ...RG,
          azurerm_storage_account: { s: { location: '${lower(azurerm_resource_group.rg.location)}' } },
        },
      },
      address: 'azurerm_storage_account.s',
      argument: 'location',
      unknown: /calls lower\(\)/,
      references: ['azurerm_resource_group.rg'],
    },
    {
      name: 'a conditional',
      document: {
        variable: { prod: { default: true } },
        resource: {
          azurerm_storage_account: { s: { min_tls_version: '${var.prod ? "TLS1_2" : "TLS1_0"}' } },
        },
      },
      address: 'azurerm_storage_account.s',
      argument: 'min_tls_version',
      unknown: /conditional .* is not evaluated/,
      references: ['var.prod'],
    },
    {
      name: 'a data source',
      document: {
        data: { azurerm_resource_group: { existing: { name: 'rg' } } },
        resource: {
          azurerm_storage_account: { s: { location: '${data.azurerm_resource_group.existing.location}' } },
        },
      },
      address: 'azurerm_storage_account.s',
      argument: 'location',
      unknown: /data\.azurerm_resource_group\.existing is a data source, read from the cloud at plan time/,
      references: ['data.azurerm_resource_group.existing'],
    },
    {
      name: 'a module output',
      document: {
        module: { net: { source: 'Azure/network/azurerm' } },
        resource: { azurerm_storage_account: { s: { location: '${module.net.location}' } } },
      },
      address: 'azurerm_storage_account.s',
      argument: 'location',
      unknown: /module outputs \(module\.net\.location\) are not evaluated/,
      references: ['module.net.location'],
    },
    {
      name: 'a resource that is not in the configuration',
      document: {
        resource: { azurerm_storage_account: { s: { location: '${azurerm_resource_group.gone.location}' } } },
      },
      address: 'azurerm_storage_account.s',
      argument: 'location',
      unknown: /azurerm_resource_group\.gone is not a resource of this configuration/,
      references: ['azurerm_resource_group.gone'],
    },
    {
      name: 'a dynamic block',
      document: {
        resource: {
          azurerm_storage_account: {
            s: {
              dynamic: { network_rules: { for_each: '${var.rules}', content: { default_action: 'Deny' } } },
            },
          },
        },
      },
      address: 'azurerm_storage_account.s',
      argument: 'network_rules',
      unknown: /generated by a dynamic block/,
      references: ['network_rules'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const raw = resource(c.document, c.address, c.options);
      const value = raw.properties[c.argument];
      if (c.unknown !== undefined) expect(reasonOf(value)).toMatch(c.unknown);
      else expect(value).toEqual(c.value);
      if (c.references !== undefined) expect(raw.references?.[c.argument]).toEqual(c.references);
    });
  }
});

describe('nested blocks and maps', () => {
  it('writes single blocks as one-element lists, as a plan does, and keeps map arguments as maps', () => {
    const raw = resource(
      {
        resource: {
          azurerm_storage_account: {
            s: {
              network_rules: { default_action: 'Deny' },
              blob_properties: { delete_retention_policy: { days: 7 } },
              tags: { personal_data: 'true' },
              '//': { metadata: { path: 'app/s' } },
            },
          },
        },
      },
      'azurerm_storage_account.s',
    );
    expect(raw.properties).toEqual({
      network_rules: [{ default_action: 'Deny' }],
      blob_properties: [{ delete_retention_policy: [{ days: 7 }] }],
      tags: { personal_data: 'true' },
    });
  });

  it('leaves meta-arguments out of the properties', () => {
    const raw = resource(
      {
        provider: { aws: { region: 'eu-west-1' } },
        resource: {
          aws_s3_bucket: { b: { bucket: 'b', depends_on: [], lifecycle: { prevent_destroy: true } } },
        },
      },
      'aws_s3_bucket.b',
    );
    expect(Object.keys(raw.properties)).toEqual(['bucket']);
  });
});

describe('count and for_each', () => {
  it('expands a literal count, with count.index and references to the instance of the same index', () => {
    const result = byAddress(
      read({
        resource: {
          aws_s3_bucket: { b: { count: 2, bucket: 'orders-${count.index}' } },
          aws_s3_bucket_versioning: {
            v: { count: 2, bucket: '${aws_s3_bucket.b[count.index].bucket}' },
          },
        },
      }),
    );
    expect(Object.keys(result)).toEqual([
      'aws_s3_bucket.b[0]',
      'aws_s3_bucket.b[1]',
      'aws_s3_bucket_versioning.v[0]',
      'aws_s3_bucket_versioning.v[1]',
    ]);
    expect(result['aws_s3_bucket.b[1]']?.properties.bucket).toBe('orders-1');
    expect(result['aws_s3_bucket_versioning.v[1]']?.properties.bucket).toBe('orders-1');
    expect(result['aws_s3_bucket_versioning.v[1]']?.references?.bucket).toEqual(['aws_s3_bucket.b[1]']);
  });

  it('expands for_each over a map and over toset() of a literal list', () => {
    const result = byAddress(
      read({
        variable: { sites: { default: { eu: 'westeurope', us: 'eastus' } } },
        resource: {
          azurerm_storage_account: {
            s: { for_each: '${var.sites}', name: 'st${each.key}', location: '${each.value}' },
          },
          azurerm_resource_group: {
            g: { for_each: '${toset(["a", "b"])}', name: '${each.key}', location: 'westeurope' },
          },
        },
      }),
    );
    expect(result['azurerm_storage_account.s["us"]']?.properties).toEqual({
      name: 'stus',
      location: 'eastus',
    });
    expect(Object.keys(result).filter((address) => address.startsWith('azurerm_resource_group'))).toEqual([
      'azurerm_resource_group.g["a"]',
      'azurerm_resource_group.g["b"]',
    ]);
  });

  it('reads a count it cannot know as one resource, and says so', () => {
    const result = read({
      data: { aws_availability_zones: { all: {} } },
      resource: {
        aws_s3_bucket: {
          b: { count: '${length(data.aws_availability_zones.all.names)}', bucket: 'b-${count.index}' },
        },
      },
    });
    expect(result.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b']);
    expect(reasonOf(result.resources[0]?.properties.bucket)).toMatch(/count is unknown/);
    expect(result.notes).toEqual([
      expect.stringMatching(
        /aws_s3_bucket\.b is read as one resource: its count is unknown \(the expression/,
      ),
    ]);
  });

  it('notes a resource with count 0, which deploys nothing', () => {
    const result = read({ resource: { aws_s3_bucket: { b: { count: 0 } } } });
    expect(result.resources).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(/aws_s3_bucket\.b has no instances/)]);
  });
});

describe('providers and regions', () => {
  const buckets = {
    aws_s3_bucket: {
      eu: { bucket: 'eu' },
      us: { bucket: 'us', provider: 'aws.us' },
      hcl_style: { bucket: 'us2', provider: '${aws.us}' },
      own: { bucket: 'own', region: 'eu-north-1' },
    },
  };
  const regions = (document: unknown) =>
    Object.fromEntries(
      read(document).resources.map((r) => [
        r.address,
        r.region.known ? r.region.value : `? ${r.region.reason}`,
      ]),
    );

  it('resolves the default provider, aliases (by the provider meta-argument) and a resource region argument', () => {
    expect(
      regions({
        provider: { aws: [{ region: 'eu-central-1' }, { alias: 'us', region: 'us-east-1' }] },
        resource: buckets,
      }),
    ).toEqual({
      'aws_s3_bucket.eu': 'eu-central-1',
      'aws_s3_bucket.us': 'us-east-1',
      'aws_s3_bucket.hcl_style': 'us-east-1',
      'aws_s3_bucket.own': 'eu-north-1',
    });
  });

  it('reads a provider block given as an object and a region from a variable, with evidence', () => {
    const raw = resource(
      {
        variable: { region: { default: 'eu-west-3' } },
        provider: { aws: { region: '${var.region}' } },
        resource: { aws_s3_bucket: { b: { bucket: 'b' } } },
      },
      'aws_s3_bucket.b',
    );
    expect(raw.region).toEqual({
      known: true,
      value: 'eu-west-3',
      evidence: [
        { path: 'provider["aws"].region', value: 'eu-west-3' },
        { path: 'provider["aws"].region (as written)', value: '${var.region}' },
      ],
    });
  });

  it('never guesses a region: no provider block, no region argument, an unknown alias', () => {
    expect(regions({ resource: { aws_s3_bucket: { b: {} } } })['aws_s3_bucket.b']).toMatch(
      /no provider "aws" block configures the root module; its region would come from the environment \(AWS_REGION\)/,
    );
    expect(
      regions({ provider: { aws: { profile: 'x' } }, resource: { aws_s3_bucket: { b: {} } } })[
        'aws_s3_bucket.b'
      ],
    ).toMatch(/provider "aws" sets no region/);
    expect(
      regions({
        provider: { aws: { region: 'eu-west-1' } },
        resource: { aws_s3_bucket: { b: { provider: 'aws.nope' } } },
      })['aws_s3_bucket.b'],
    ).toMatch(/provider "aws.nope" is not configured/);
    expect(
      regions({ provider: { aws: { region: '${data.x.y.name}' } }, resource: { aws_s3_bucket: { b: {} } } })[
        'aws_s3_bucket.b'
      ],
    ).toMatch(/region of provider "aws" is unknown: data\.x\.y is a data source/);
  });

  it('leaves azurerm regions to the resources, which state their location', () => {
    const raw = resource(
      { provider: { azurerm: [{ features: [{}] }] }, resource: RG },
      'azurerm_resource_group.rg',
    );
    expect(raw.schema).toBe('terraform-azurerm');
    expect(raw.region).toMatchObject({ known: false, reason: 'azurerm resources carry their own location' });
  });

  it("adds the aws provider's default_tags to tags_all, the resource's own tags winning", () => {
    const raw = resource(
      {
        provider: {
          aws: { region: 'eu-west-1', default_tags: { tags: { personal_data: 'true', team: 'a' } } },
        },
        resource: { aws_s3_bucket: { b: { tags: { team: 'b' } } } },
      },
      'aws_s3_bucket.b',
    );
    expect(raw.properties.tags_all).toEqual({ personal_data: 'true', team: 'b' });
  });

  it('gives resources of other providers the schema terraform:<provider>, to be listed as not modelled', () => {
    const result = byAddress(
      read({
        terraform: { required_providers: { gcp: { source: 'hashicorp/google' } } },
        resource: {
          google_storage_bucket: { b: { location: 'EU', provider: 'gcp' } },
          random_id: { r: { byte_length: 4 } },
        },
      }),
    );
    expect(result['google_storage_bucket.b']?.schema).toBe('terraform:google');
    expect(result['random_id.r']?.schema).toBe('terraform:random');
  });
});

describe('CDKTF metadata', () => {
  it('names the construct path, the stack, and the line of each resource', () => {
    const result = read({
      '//': { metadata: { stackName: 'orders', version: '0.21.0' } },
      resource: {
        azurerm_resource_group: {
          rg: {
            '//': { metadata: { path: 'orders/rg', uniqueId: 'rg' } },
            name: 'rg',
            location: 'westeurope',
          },
        },
      },
    });
    expect(result.resources[0]).toMatchObject({
      address: 'azurerm_resource_group.rg',
      stack: 'orders',
      source: { file: FILE, line: 10, construct: 'orders/rg' },
    });
  });

  it('finds the line of the resource name, not of an argument with the same name before it', () => {
    const text = [
      '{',
      '  "resource": {',
      '    "aws_s3_bucket": {',
      '      "a": { "bucket": "x", "tags": { "resource": "bucket" } },',
      '      "bucket": {',
      '        "bucket": "y"',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const lines = readTerraformJsonConfig(text, FILE).resources.map((r) => [r.address, r.source.line]);
    expect(lines).toEqual([
      ['aws_s3_bucket.a', 4],
      ['aws_s3_bucket.bucket', 5],
    ]);
  });

  it('prefixes addresses and references when asked (several stacks in one scan)', () => {
    const raw = resource(
      {
        resource: {
          ...RG,
          azurerm_storage_account: { s: { location: '${azurerm_resource_group.rg.location}' } },
        },
      },
      'stack-a/azurerm_storage_account.s',
      { addressPrefix: 'stack-a/', stack: 'stack-a' },
    );
    expect(raw.references?.location).toEqual(['stack-a/azurerm_resource_group.rg']);
    expect(raw.stack).toBe('stack-a');
  });
});

describe('modules', () => {
  it('lists modules it does not scan', () => {
    const result = read({
      module: { net: { source: 'Azure/network/azurerm', version: '5.0.0' }, local: { source: './local' } },
      resource: RG,
    });
    expect(result.notes).toEqual([
      expect.stringMatching(
        /module\.net \(source "Azure\/network\/azurerm"\) is a remote module and was not scanned/,
      ),
      expect.stringMatching(/module\.local \(source "\.\/local"\) is a local module that was not read/),
    ]);
  });
});

describe('bad input', () => {
  it('fails on a reference cycle between locals, naming the chain', () => {
    const error = errorOf(() =>
      read({
        locals: { a: '${local.b}', b: 'x-${local.a}' },
        resource: { aws_s3_bucket: { b: { bucket: '${local.a}' } } },
      }),
    );
    expect(error.message).toBe(`${FILE}:2: reference cycle: local.a → local.b → local.a`);
  });

  it('fails on a cycle between resource arguments', () => {
    const error = errorOf(() =>
      read({
        resource: {
          aws_s3_bucket: {
            a: { bucket: '${aws_s3_bucket.b.bucket}' },
            b: { bucket: '${aws_s3_bucket.a.bucket}' },
          },
        },
      }),
    );
    expect(error.message).toMatch(
      /reference cycle: aws_s3_bucket\.a\.bucket → aws_s3_bucket\.b\.bucket → aws_s3_bucket\.a\.bucket/,
    );
  });

  it('fails on resources that depend on each other through attributes known only after apply', () => {
    const error = errorOf(() =>
      read({
        resource: {
          aws_s3_bucket: {
            a: { bucket: 'a', policy: '${aws_s3_bucket.b.arn}' },
            b: { bucket: 'b', policy: '${aws_s3_bucket.a.arn}' },
          },
        },
      }),
    );
    expect(error.message).toMatch(
      /reference cycle between resources: aws_s3_bucket\.a → aws_s3_bucket\.b → aws_s3_bucket\.a/,
    );
  });

  it('rejects a plan, other JSON, a template that is never closed and malformed JSON', () => {
    expect(errorOf(() => read({ format_version: '1.2', planned_values: {} })).message).toMatch(
      /is a Terraform plan/,
    );
    expect(errorOf(() => read({ Resources: {} })).message).toMatch(/top-level key "Resources"/);
    expect(
      errorOf(() => read({ resource: { aws_s3_bucket: { b: { bucket: '${var.x' } } } })).message,
    ).toMatch(/unterminated "\$\{"/);
    expect(errorOf(() => readTerraformJsonConfig('{\n  "resource": {,\n}', FILE)).message).toMatch(
      /^stack\/cdk\.tf\.json:2/,
    );
  });

  it('rejects a non-numeric count', () => {
    expect(errorOf(() => read({ resource: { aws_s3_bucket: { b: { count: 'two' } } } })).message).toMatch(
      /count is "two", not a whole number/,
    );
  });
});

describe('looksLikeTerraformJsonConfig', () => {
  it.each([
    [{ resource: {} }, true],
    [{ terraform: { required_providers: {} }, provider: {} }, true],
    [{ '//': {}, module: {} }, true],
    [{ variable: {} }, false],
    [{ resource: {}, Resources: {} }, false],
    [{ format_version: '1.0', resource_changes: [], resource: {} }, false],
    [[], false],
  ])('%j → %s', (value, expected) => {
    expect(looksLikeTerraformJsonConfig(value)).toBe(expected);
  });
});
