import { rule as ACC001 } from './access/EU-ACC-001.js';
import { rule as ACC002 } from './access/EU-ACC-002.js';
import { rule as ACC003 } from './access/EU-ACC-003.js';
import { rule as ACC004 } from './access/EU-ACC-004.js';
import { rule as ENC001 } from './encryption/EU-ENC-001.js';
import { rule as ENC002 } from './encryption/EU-ENC-002.js';
import { rule as ENC003 } from './encryption/EU-ENC-003.js';
import { rule as RES001 } from './residency/EU-RES-001.js';
import { rule as RES002 } from './residency/EU-RES-002.js';
import { rule as RES003 } from './residency/EU-RES-003.js';
import { rule as RES004 } from './residency/EU-RES-004.js';
import type { Rule } from './types.js';

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = [
  ACC001,
  ACC002,
  ACC003,
  ACC004,
  ENC001,
  ENC002,
  ENC003,
  RES001,
  RES002,
  RES003,
  RES004,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
