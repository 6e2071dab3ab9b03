import { join } from 'node:path';
import type { Report } from '@eugate/core';
import { EugateAspect, scanCdktfStack } from '@eugate/terraform/cdktf';
import { App, Aspects } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { bucketsInTwoRegions } from './fixtures/cdktf/aws.js';
import { tempDir } from './support/cli.js';

const TODAY = '2026-11-22';

function inventoryRegion(report: Report, address: string): string | null | undefined {
  return report.inventory.find((entry) => entry.address === address)?.region;
}

describe('a CDKTF stack with @cdktf/provider-aws', () => {
  it('takes each bucket region from its provider, aliases included', () => {
    const stack = bucketsInTwoRegions(new App({ outdir: join(tempDir(), 'cdktf.out') }));
    const report = scanCdktfStack(stack, { today: TODAY });
    expect(inventoryRegion(report, 'aws-stack/aws_s3_bucket.us-bucket')).toBe('us-east-1');
    expect(inventoryRegion(report, 'aws-stack/aws_s3_bucket.eu-bucket')).toBe('eu-central-1');
    const residency = report.findings
      .filter((f) => f.rule.id.startsWith('EU-RES'))
      .map((f) => [f.rule.id, f.status, f.resource.address, f.resource.source.construct]);
    expect(residency).toEqual([
      ['EU-RES-001', 'fail', 'aws-stack/aws_s3_bucket.us-bucket', 'aws-stack/us-bucket'],
    ]);
  });

  it('fails synth through the aspect', () => {
    const app = new App({ outdir: join(tempDir(), 'cdktf.out') });
    const stack = bucketsInTwoRegions(app);
    Aspects.of(stack).add(new EugateAspect({ today: TODAY }));
    expect(() => app.synth()).toThrow(
      /EU-RES-001 .*\n(.*\n)*.*aws-stack\/aws_s3_bucket\.us-bucket {2}\[us-east-1\]/,
    );
  });
});
