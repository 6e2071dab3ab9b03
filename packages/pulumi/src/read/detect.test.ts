import { describe, expect, it } from 'vitest';
import { sniffPulumiArtifact } from './detect.js';

describe('sniffPulumiArtifact', () => {
  it.each([
    ['{"config":{},"steps":[{"op":"create","urn":"urn:pulumi:a::b::t::n"}],"changeSummary":{}}', 'preview'],
    ['{"steps":[],"changeSummary":{"same":2}}', 'preview'],
    ['{"version":3,"deployment":{"manifest":{},"resources":[]}}', 'stack-export'],
    ['{"deployment":{"manifest":{},"resources":[]},"version":3}', 'stack-export'],
    ['{"version":1,"checkpoint":{"target":"x","latest":{"resources":[]}}}', 'stack-export'],
    ['{"sequence":4,"timestamp":1,"preludeEvent":{"config":{}}}\n{"sequence":5}', 'event-log'],
    ['{"format_version":"1.2","terraform_version":"1.9.0","planned_values":{}}', undefined],
    ['{"version":4,"terraform_version":"1.9.0","resources":[]}', undefined],
    ['{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}', undefined],
  ])('%s → %s', (text, format) => {
    expect(sniffPulumiArtifact(text)).toBe(format);
  });
});
