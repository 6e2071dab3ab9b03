import { createHash } from 'node:crypto';
import type { Finding } from './types.js';

/**
 * A finding's identity for tools that track findings across runs (SARIF `partialFingerprints`,
 * GitLab Code Quality `fingerprint`): rule, resource and what was found — not the line, so moving
 * a resource in the file does not make it a new finding.
 */
export function findingFingerprint(finding: Finding): string {
  return createHash('sha256')
    .update(`${finding.rule.id}\u0000${finding.resource.address}\u0000${finding.message}`)
    .digest('hex');
}
