import { findRule, type Report, type Waiver, type WaiverNotice } from '@eugate/core';
import type { IConstruct } from 'constructs';

/** The plugin's name; CDK derives the acknowledgement namespace from it (`eugate::EU-RES-002`). */
export const PLUGIN_NAME = 'eugate';
const NAMESPACE = `${PLUGIN_NAME}::`;

/** `Validations.ACKNOWLEDGED_RULES_METADATA_KEY`: where `Validations.of(scope).acknowledge()` records. */
const ACKNOWLEDGED_RULES = 'aws:cdk:acknowledged-rules';

/** CDK acknowledgements carry no end date; a waiver needs one. Use config waivers for exceptions that should lapse. */
export const ACKNOWLEDGEMENT_EXPIRES = '9999-12-31';
const OWNER_PREFIX = 'cdk acknowledge at ';

/** The id a user passes to `Validations.of(scope).acknowledge({ id, reason })` for a rule. */
export function acknowledgementId(ruleId: string): string {
  return `${NAMESPACE}${ruleId}`;
}

export interface Acknowledgements {
  /** One or two waivers per acknowledgement: the construct itself and everything below it. */
  readonly waivers: readonly Waiver[];
  /** Acknowledgements that look meant for eugate but name no rule, or miss the `eugate::` prefix. */
  readonly notes: readonly string[];
}

/**
 * Turns `Validations.of(scope).acknowledge({ id: 'eugate::<rule>', reason })` into waivers, so an
 * acknowledged finding is reported `waived` with its reason rather than dropped. Like CDK's own
 * suppression, an acknowledgement covers the construct it was made on and every construct below.
 */
export function acknowledgementWaivers(root: IConstruct): Acknowledgements {
  const waivers: Waiver[] = [];
  const notes: string[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== ACKNOWLEDGED_RULES || !isRecord(entry.data)) continue;
      const path = construct.node.path;
      const where = path === '' ? 'the app' : path;
      for (const [id, reason] of Object.entries(entry.data)) {
        const rule = ruleOf(id);
        if (rule === undefined) {
          const bare = id.slice(id.indexOf('::') + 2);
          if (!id.startsWith(NAMESPACE) && findRule(bare) !== undefined) {
            notes.push(
              `acknowledgement '${id}' at ${where} does not apply to eugate: write '${acknowledgementId(bare)}'`,
            );
          } else if (id.startsWith(NAMESPACE)) {
            notes.push(`acknowledgement '${id}' at ${where} names no eugate rule (run \`eugate rules\`)`);
          }
          continue;
        }
        const waiver = {
          rule,
          reason: typeof reason === 'string' && reason.trim() !== '' ? reason : '(no reason given)',
          owner: `${OWNER_PREFIX}${where}`,
          expires: ACKNOWLEDGEMENT_EXPIRES,
        };
        // `*` crosses `/` in waiver globs: `path/*` is every construct below `path`, and not `path2`.
        if (path === '') waivers.push({ ...waiver, resource: '*' });
        else waivers.push({ ...waiver, resource: path }, { ...waiver, resource: `${path}/*` });
      }
    }
  }
  return { waivers, notes };
}

/**
 * An acknowledgement becomes two waivers (the construct, and below it); usually only one of them
 * matches. Reports each acknowledgement once as unused, and only when neither matched anything.
 */
export function collapseUnusedAcknowledgements(report: Report): Report {
  const unused = report.waivers.unused;
  const key = (notice: WaiverNotice, resource: string): string =>
    JSON.stringify([notice.rule, resource, notice.owner, notice.reason]);
  const present = new Set(unused.map((notice) => key(notice, notice.resource)));
  const kept = unused.filter((notice) => {
    if (!notice.owner.startsWith(OWNER_PREFIX) || notice.resource === '*') return true;
    if (notice.resource.endsWith('/*')) return false;
    return present.has(key(notice, `${notice.resource}/*`));
  });
  return kept.length === unused.length ? report : { ...report, waivers: { ...report.waivers, unused: kept } };
}

function ruleOf(id: string): string | undefined {
  if (!id.startsWith(NAMESPACE)) return undefined;
  const rule = id.slice(NAMESPACE.length);
  return findRule(rule) === undefined ? undefined : rule;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
