import type { Evidence } from '../model/evidence.js';
import type { Resource } from '../model/resource.js';

export type PersonalDataReason = 'declared' | 'inherited' | 'assumed';

export interface PersonalData {
  readonly reason: PersonalDataReason;
  /** For `inherited`: the addresses data flowed through, from the declared/assumed origin to this resource. */
  readonly via?: readonly string[];
  /** The tag or config entry that declared it. */
  readonly evidence?: Evidence;
}

export interface ClassifiedResource extends Resource {
  /** null: not personal data (declared so, or not a data store). */
  readonly personalData: PersonalData | null;
}
