import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { synthesizedJson } from './stack-json.js';

describe('synthesizedJson', () => {
  it('writes exactly the cdk.tf.json that app.synth() writes', () => {
    const app = new App({ outdir: join(mkdtempSync(join(tmpdir(), 'eugate-cdktf-')), 'cdktf.out') });
    const stack = new TerraformStack(app, 'shapes');
    const region = new TerraformVariable(stack, 'region', { type: 'string', default: 'eu-west-1' });
    const thing = new TerraformResource(stack, 'thing', { terraformResourceType: 'null_resource' });
    thing.addOverride('triggers', { b: 'x', a: region.stringValue, ä: 'umlaut', Z: 'upper' });
    thing.addOverride('empty_list', []);
    thing.addOverride('empty_map', {});
    thing.addOverride('nested', [{ deep: [[], [{}], ['"quoted"\n']], n: 1.5, t: true, z: null }]);
    new TerraformOutput(stack, 'id', { value: thing.getStringAttribute('id') });
    stack.prepareStack(); // as synth does first: adds the default local backend
    const expected = synthesizedJson(stack.toTerraform());
    app.synth();
    expect(readFileSync(join(app.outdir, 'stacks/shapes/cdk.tf.json'), 'utf8')).toBe(expected);
  });

  it.each([
    { value: { b: 1, a: undefined, c: () => 1 }, text: '{\n  "b": 1\n}' },
    { value: [undefined, 1], text: '[\n  null,\n  1\n]' },
    { value: { when: new Date(0) }, text: '{\n  "when": "1970-01-01T00:00:00.000Z"\n}' },
    { value: undefined, text: 'null' },
  ])('$text', ({ value, text }) => {
    expect(synthesizedJson(value)).toBe(text);
  });
});
