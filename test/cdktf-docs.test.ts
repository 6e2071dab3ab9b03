import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account/index.js';
import { EugateAspect, expectCompliant } from '@eugate/terraform/cdktf';
import { App, Aspects, Testing } from 'cdktf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './support/cli.js';

const DOC = readFileSync(join(REPO_ROOT, 'docs/cdktf.md'), 'utf8');
const EXAMPLE = join(REPO_ROOT, 'test/fixtures/cdktf/example/main.ts');

/** The fenced block of `language` that follows `marker` in the doc. */
function blockAfter(marker: string, language: string): string {
  const start = DOC.indexOf(marker);
  expect(start, `docs/cdktf.md has no "${marker}"`).toBeGreaterThanOrEqual(0);
  const open = DOC.indexOf(`\`\`\`${language}\n`, start) + language.length + 4;
  return DOC.slice(open, DOC.indexOf('```\n', open));
}

describe('docs/cdktf.md', () => {
  // Importing the example runs its `new App()` and `app.synth()`, which write to CDKTF_OUTDIR.
  const saved = process.env.CDKTF_OUTDIR;
  const exampleOut = join(tempDir(), 'cdktf.out');
  beforeAll(() => {
    process.env.CDKTF_OUTDIR = exampleOut;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = saved;
  });

  it('shows test/fixtures/cdktf/example/main.ts as it is', () => {
    expect(blockAfter('test/fixtures/cdktf/example/main.ts', 'ts')).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  it('its example synthesizes, and fails synth with the output shown once it leaves the EU', async () => {
    const { OrdersStack } = await import('./fixtures/cdktf/example/main.js');
    expect(existsSync(join(exampleOut, 'stacks/orders/cdk.tf.json'))).toBe(true);

    const app = new App({ outdir: join(tempDir(), 'cdktf.out') });
    const stack = new OrdersStack(app, 'orders');
    (stack.node.findChild('documents') as StorageAccount).location = 'eastus';
    Aspects.of(stack).add(new EugateAspect({ today: '2026-11-22' }));
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    const anyVersion = (text: string) => text.replace(/^( {2}\[orders\] eugate )\d+\.\d+\.\d+/m, '$1X.Y.Z');
    const shown = message.replaceAll(relative(process.cwd(), app.outdir), 'cdktf.out');
    expect(anyVersion(shown)).toBe(anyVersion(blockAfter('synth stops before anything is written', 'text')));
  });

  it('its unit-test example holds: the stack is compliant under Testing.app()', async () => {
    const { OrdersStack } = await import('./fixtures/cdktf/example/main.js');
    const report = expectCompliant(new OrdersStack(Testing.app(), 'orders'), { today: '2026-01-01' });
    expect(report.findings.filter((f) => f.rule.id === 'EU-RES-002')).toEqual([]);
    expect(report.summary.described).toBe(4);
  });
});
