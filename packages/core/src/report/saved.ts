import { z } from 'zod';
import { InputError } from '../model/errors.js';
import type { Report } from './types.js';

// Strings, not enums, where the contract lets enumerations grow within version 1
// (docs/report-format.md): a report from a newer eugate 1.x still renders.
const source = z.looseObject({
  file: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  construct: z.string().optional(),
});
const personalData = z.looseObject({ reason: z.string(), via: z.array(z.string()).optional() }).nullable();
const evidence = z.looseObject({ path: z.string(), value: z.unknown(), from: z.string().optional() });
const waiverNotice = z.looseObject({
  rule: z.string(),
  resource: z.string(),
  owner: z.string(),
  expires: z.string(),
  reason: z.string(),
});
const finding = z.looseObject({
  rule: z.looseObject({ id: z.string(), category: z.string(), severity: z.string(), title: z.string() }),
  status: z.enum(['fail', 'unknown', 'waived']),
  waivedStatus: z.string().optional(),
  resource: z.looseObject({
    address: z.string(),
    type: z.string(),
    cloud: z.string(),
    region: z.string().nullable(),
    source,
  }),
  message: z.string(),
  evidence: z.array(evidence),
  personalData,
  waiver: z.looseObject({ reason: z.string(), owner: z.string(), expires: z.string() }).optional(),
  blocking: z.boolean(),
  baselined: z.literal(true).optional(),
});
const count = z.number().int().nonnegative();
const savedReport = z.looseObject({
  version: z.literal(1),
  tool: z.looseObject({ name: z.literal('eugate'), version: z.string() }),
  verdict: z.enum(['pass', 'fail']),
  profile: z.looseObject({ name: z.string(), description: z.string() }),
  gate: z.looseObject({ failOn: z.string(), unknown: z.string() }),
  inputs: z.array(z.string()),
  summary: z.looseObject({
    resources: count,
    described: count,
    notModelled: count,
    personalData: count,
    fail: count,
    unknown: count,
    waived: count,
    passed: count,
  }),
  findings: z.array(finding),
  notModelled: z.array(z.looseObject({ type: z.string(), count })),
  inventory: z.array(
    z.looseObject({
      address: z.string(),
      type: z.string(),
      cloud: z.string(),
      kind: z.string(),
      region: z.string().nullable(),
      country: z.string().nullable(),
      jurisdiction: z.string().nullable(),
      personalData,
      encryptionAtRest: z.string().nullable(),
      source,
    }),
  ),
  flows: z
    .array(
      z.looseObject({
        kind: z.string(),
        from: z.string(),
        fromRegion: z.string().nullable(),
        to: z.string().nullable(),
        toRegion: z.string().nullable(),
      }),
    )
    .optional(),
  waivers: z.looseObject({ expired: z.array(waiverNotice), unused: z.array(waiverNotice) }),
  disabledRules: z.array(z.string()),
  notes: z.array(z.string()),
  passedChecks: z.array(z.looseObject({ rule: z.string(), resource: z.string() })).optional(),
  baseline: z.looseObject({ file: z.string(), matched: count, new: count, fixed: count }).optional(),
});

/**
 * Reads a JSON report saved by `eugate scan --format json` (for `eugate report` and `--baseline`).
 * Anything else — another tool's JSON, a version-2 report, a truncated file — is an `InputError`
 * naming the file and the first field that is wrong.
 */
export function parseSavedReport(text: string, file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError('EUGATE_INPUT_MALFORMED', file, `not a JSON eugate report: ${message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      'not an eugate JSON report (not a JSON object)',
    );
  }
  const record = data as Record<string, unknown>;
  const tool = record.tool as Record<string, unknown> | undefined;
  if (typeof tool !== 'object' || tool === null || tool.name !== 'eugate') {
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      'not an eugate JSON report (no tool.name "eugate"; write one with `eugate scan --format json`)',
    );
  }
  if (record.version !== 1) {
    throw new InputError(
      'EUGATE_INPUT_UNSUPPORTED_VERSION',
      file,
      `eugate report version ${JSON.stringify(record.version)} is not supported (this eugate reads version 1)`,
    );
  }
  const result = savedReport.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.map(String).join('.');
    throw new InputError(
      'EUGATE_INPUT_MALFORMED',
      file,
      `not a valid eugate report: ${key}: ${issue.message}`,
      {
        key,
      },
    );
  }
  return result.data as unknown as Report;
}
