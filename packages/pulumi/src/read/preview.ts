import { InputError, type ReadResult } from '@eugate/core';
import { eventLogError, looksLikePulumiPreview, sniffPulumiArtifact } from './detect.js';
import { parseJsonText, urnLines } from './json-text.js';
import { isJsonObject, type JsonObject, own, ownObject, ownString } from './json-value.js';
import { type PulumiReadOptions, stackConfigFor } from './options.js';
import { buildRawResources } from './resources.js';
import { type PulumiResourceState, parseUrn, readResourceState } from './state.js';

/**
 * Step operations of `pulumi preview --json` (engine `display.StepOp`), by what they leave deployed.
 * A replacement appears as several steps for one URN; the new state wins.
 */
const DEPLOYING_OPS = new Set([
  'create',
  'update',
  'same',
  'replace',
  'create-replacement',
  'import',
  'import-replacement',
  'refresh',
]);
/** The deployed state is the recorded one: its outputs are what the provider reported. */
const UNCHANGED_OPS = new Set(['same', 'refresh']);
const REMOVING_OPS = new Set([
  'delete',
  'delete-replaced',
  'discard',
  'discard-replaced',
  'remove-pending-replace',
]);
const READING_OPS = new Set(['read', 'read-replacement', 'read-discard']);

/**
 * Reads the JSON of `pulumi preview --json`: the resources as they will be after the update
 * (outputs unknown until then are unknown values), their providers and regions. Resources being
 * deleted are not deployed and are noted; throws `InputError` naming `file` for anything else.
 */
export function readPulumiPreview(text: string, file: string, options: PulumiReadOptions = {}): ReadResult {
  if (sniffPulumiArtifact(text) === 'event-log') throw eventLogError(file);
  const digest = parseJsonText(text, file);
  if (!looksLikePulumiPreview(digest))
    throw new InputError(
      'EUGATE_INPUT_NOT_RECOGNISED',
      file,
      'not the JSON of `pulumi preview --json` (no steps list)',
    );
  const preview = digest as JsonObject;
  checkVersion(preview, file);
  const steps = preview.steps as unknown[];
  const states = new Map<string, PulumiResourceState>();
  const removed = new Set<string>();
  let read = 0;
  steps.forEach((step, index) => {
    const where = `steps[${index}]`;
    const op = ownString(step, 'op');
    const urn = ownString(step, 'urn');
    if (op === undefined || urn === undefined)
      throw new InputError('EUGATE_INPUT_MALFORMED', file, 'a step has no op or urn', { key: where });
    if (REMOVING_OPS.has(op)) {
      removed.add(urn);
      return;
    }
    if (READING_OPS.has(op)) {
      read++;
      return;
    }
    if (!DEPLOYING_OPS.has(op)) {
      throw new InputError(
        'EUGATE_INPUT_UNSUPPORTED_VERSION',
        file,
        `step op "${op}" is not one eugate knows (from a newer Pulumi?): it cannot tell whether ${urn} is deployed`,
        { key: `${where}.op` },
      );
    }
    const newState = own(step, 'newState');
    if (!isJsonObject(newState))
      throw new InputError('EUGATE_INPUT_MALFORMED', file, `step "${op}" of ${urn} has no newState`, {
        key: where,
      });
    const unchanged = UNCHANGED_OPS.has(op);
    const recorded = ownObject(ownObject(step, 'oldState'), 'outputs');
    const state: JsonObject = {
      ...newState,
      // The provider reference sits on the step and on its state; they agree when both are present.
      ...(ownString(newState, 'provider') === undefined &&
        ownString(step, 'provider') !== undefined && { provider: ownString(step, 'provider') }),
      // An unchanged resource's outputs are in its old state (the new one carries only inputs).
      ...(unchanged &&
        own(newState, 'outputs') === undefined &&
        recorded !== undefined && { outputs: recorded }),
    };
    states.set(urn, readResourceState(state, file, `${where}.newState`, unchanged ? 'outputs' : 'inputs'));
  });

  const all = [...states.values()];
  const stack = all.map((state) => parseUrn(state.urn)?.stack).find((name) => name !== undefined);
  const lines = urnLines(text);
  const built = buildRawResources(all, {
    file,
    locate: (state) => {
      const line = lines.get(state.urn);
      return line === undefined ? {} : { line };
    },
    ...stackConfigFor(options, file, stack),
  });
  const notes = [...built.notes];
  const deleted = [...removed].filter((urn) => !states.has(urn)).length;
  if (deleted > 0) {
    notes.push(
      `${deleted} ${deleted === 1 ? 'resource is' : 'resources are'} being deleted and ${deleted === 1 ? 'was' : 'were'} not evaluated`,
    );
  }
  if (read > 0) notes.push(`${read} read step(s) of existing resources were not evaluated`);
  const unchanged = Number(ownObject(preview, 'changeSummary')?.same ?? 0);
  const shownSame = steps.filter((step) => ownString(step, 'op') === 'same').length;
  if (unchanged > 0 && shownSame === 0) {
    notes.push(
      `the preview leaves out ${unchanged} unchanged resource(s) (run pulumi preview --json --show-sames to include them); they were not evaluated`,
    );
  }
  return { resources: built.resources, notes };
}

/** The preview digest carries no version; a `version` key means a format eugate has not seen. */
function checkVersion(preview: JsonObject, file: string): void {
  if (!Object.hasOwn(preview, 'version')) return;
  throw new InputError(
    'EUGATE_INPUT_UNSUPPORTED_VERSION',
    file,
    `preview JSON format version ${JSON.stringify(preview.version)} is not supported (eugate reads the unversioned digest of \`pulumi preview --json\`, Pulumi v3)`,
    { key: 'version' },
  );
}
