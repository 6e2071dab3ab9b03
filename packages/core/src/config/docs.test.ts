import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse.js';

/** The examples in docs/configuration.md must parse, and the JSON and YAML ones must say the same thing. */
const doc = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
const block = (language: string): string =>
  new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(doc)![1]!;

describe('docs/configuration.md examples', () => {
  it('JSON and YAML examples parse to the same config', () => {
    const json = parseConfig(block('json'), 'eugate.config.json');
    const yaml = parseConfig(block('yaml'), 'eugate.config.yaml');
    expect(yaml).toEqual(json);
    expect(json.waivers).toHaveLength(1);
    expect(json.classification.overrides).toEqual([
      { match: 'stack:marketing-*', personal: false },
      { match: 'aws_s3_bucket.customer_exports', personal: true },
    ]);
  });

  it('shows the error lines the code produces', () => {
    expect(() => parseConfig('{"profle":"eu"}', 'eugate.config.json')).toThrow(
      block('text')
        .split('\n')[0]!
        .replace(/^eugate: /, ''),
    );
  });
});
