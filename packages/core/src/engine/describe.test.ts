import { describe, expect, it } from 'vitest';
import { resource } from '../graph/__fixtures__/resource.js';
import type { Describer } from '../model/describer.js';
import { knownFact } from '../model/evidence.js';
import type { RawResource } from '../model/raw.js';
import { describeAll } from './describe.js';

function raw(address: string, schema: string, type = 'aws_s3_bucket'): RawResource {
  return {
    address,
    type,
    schema,
    properties: {},
    region: knownFact('eu-west-1'),
    source: { file: 'plan.json' },
  };
}

/** Describes `aws_s3_bucket`, lists the rest as not modelled. */
const honest: Describer = {
  schema: 'terraform-aws',
  describe: (raws) => ({
    resources: raws.filter((r) => r.type === 'aws_s3_bucket').map((r) => resource(r.address)),
    notModelled: raws.filter((r) => r.type !== 'aws_s3_bucket'),
  }),
};

describe('describeAll', () => {
  it('routes each family to its describer; families without one are not modelled', () => {
    const raws = [
      raw('aws_s3_bucket.a', 'terraform-aws'),
      raw('google_storage_bucket.g', 'terraform:google', 'google_storage_bucket'),
      raw('aws_lambda_function.f', 'terraform-aws', 'aws_lambda_function'),
      raw('aws_s3_bucket.b', 'terraform-aws'),
    ];
    const result = describeAll(raws, [honest]);
    expect(result.resources.map((r) => r.address)).toEqual(['aws_s3_bucket.a', 'aws_s3_bucket.b']);
    expect(result.notModelled.map((r) => r.address).sort()).toEqual([
      'aws_lambda_function.f',
      'google_storage_bucket.g',
    ]);
  });

  it('hands a family all of its resources in one call', () => {
    const calls: number[] = [];
    const counting: Describer = {
      schema: 'terraform-aws',
      describe: (raws) => {
        calls.push(raws.length);
        return honest.describe(raws);
      },
    };
    describeAll([raw('a', 'terraform-aws'), raw('x', 'arm'), raw('b', 'terraform-aws')], [counting]);
    expect(calls).toEqual([2]);
  });

  it.each<{ name: string; describer: Describer; message: RegExp }>([
    {
      name: 'drops a resource',
      describer: {
        schema: 'terraform-aws',
        describe: (raws) => ({ resources: raws.slice(1).map((r) => resource(r.address)), notModelled: [] }),
      },
      message: /'terraform-aws' describer lost 1 of 2 resources \(aws_s3_bucket\.a\)/,
    },
    {
      name: 'folds a resource into another without listing it',
      describer: {
        schema: 'terraform-aws',
        describe: () => ({ resources: [resource('aws_s3_bucket.a'), resource('other')], notModelled: [] }),
      },
      message: /lost 1 of 2 resources \(aws_s3_bucket\.b\)/,
    },
  ])('throws when a describer $name', ({ describer, message }) => {
    expect(() =>
      describeAll(
        [raw('aws_s3_bucket.a', 'terraform-aws'), raw('aws_s3_bucket.b', 'terraform-aws')],
        [describer],
      ),
    ).toThrow(message);
  });

  it('refuses two describers for one family', () => {
    expect(() => describeAll([], [honest, honest])).toThrow(/two describers .* 'terraform-aws'/);
  });
});
