import { describe, expect, it } from 'vitest';
import { moduleCallNames, splitModuleAddress } from './addresses.js';

describe('splitModuleAddress', () => {
  it.each([
    ['aws_s3_bucket.b', { moduleAddress: '', callNames: [] }],
    ['module.a.aws_s3_bucket.b', { moduleAddress: 'module.a', callNames: ['a'] }],
    [
      'module.a["x.y"].module.b[0].aws_s3_bucket.this["k"]',
      { moduleAddress: 'module.a["x.y"].module.b[0]', callNames: ['a', 'b'] },
    ],
    [
      'module.server["North Europe"].module.data_disks[1]',
      {
        moduleAddress: 'module.server["North Europe"].module.data_disks[1]',
        callNames: ['server', 'data_disks'],
      },
    ],
    ['module.a["]."].data.aws_region.r', { moduleAddress: 'module.a["]."]', callNames: ['a'] }],
    ['module.["x"].a.b', undefined],
    ['module.a["x.a.b', undefined],
  ])('%s → %j', (address, expected) => {
    expect(splitModuleAddress(address)).toEqual(expected);
  });

  it.each([
    ['', []],
    ['module.a[0].module.b', ['a', 'b']],
    ['module.a.aws_s3_bucket.b', undefined],
  ])('moduleCallNames(%j) → %j', (address, expected) => {
    expect(moduleCallNames(address)).toEqual(expected);
  });
});
