import { InputError, type ReadResult } from '@eugate/core';
import { eventLogError, looksLikePulumiStackExport, sniffPulumiArtifact } from './detect.js';
import { parseJsonText, urnLines } from './json-text.js';
import { isJsonObject, type JsonObject, own } from './json-value.js';
import { type PulumiReadOptions, stackConfigFor } from './options.js';
import { buildRawResources } from './resources.js';
import { type PulumiResourceState, parseUrn, readResourceState } from './state.js';

/**
 * Deployment schema versions eugate reads: 3 (apitype.DeploymentV3, `pulumi stack export` since
 * 2019) and 4 (the same resources, with a `features` list the engine must understand).
 */
const SUPPORTED_VERSIONS = new Set([3, 4]);
/** Version-4 features that do not change what the resources say. */
const KNOWN_FEATURES = new Set(['refreshBeforeUpdate']);

/**
 * Reads `pulumi stack export` (`{ version, deployment }`) or a self-managed backend's state
 * checkpoint (`{ version, checkpoint: { latest } }`): the deployed resources with their recorded
 * outputs. Resources pending deletion are noted, not evaluated.
 */
export function readPulumiStackExport(
  text: string,
  file: string,
  options: PulumiReadOptions = {},
): ReadResult {
  if (sniffPulumiArtifact(text) === 'event-log') throw eventLogError(file);
  const value = parseJsonText(text, file);
  if (!looksLikePulumiStackExport(value))
    throw new InputError('EUGATE_INPUT_NOT_RECOGNISED', file, 'not a `pulumi stack export` deployment');
  const root = value as JsonObject;
  const version = root.version as number;
  const kind = isJsonObject(root.deployment) ? 'deployment' : 'checkpoint';
  if (!SUPPORTED_VERSIONS.has(version)) {
    throw new InputError(
      'EUGATE_INPUT_UNSUPPORTED_VERSION',
      file,
      version < 3
        ? `${kind} version ${version} is a legacy Pulumi state format; export the stack with a current Pulumi CLI (pulumi stack export) to get version 3`
        : `${kind} version ${version} is not supported (eugate reads versions 3 and 4)`,
      { key: 'version' },
    );
  }
  const deployment = kind === 'deployment' ? root.deployment : own(own(root, 'checkpoint'), 'latest');
  const notes: string[] = [];
  const features = Array.isArray(root.features) ? root.features.filter((f) => typeof f === 'string') : [];
  const unknownFeatures = features.filter((feature) => !KNOWN_FEATURES.has(feature));
  if (unknownFeatures.length > 0)
    notes.push(
      `the deployment uses features eugate does not know (${unknownFeatures.join(', ')}); resources were read as version 3`,
    );
  if (deployment === null || deployment === undefined)
    return { resources: [], notes: ['the stack has no deployment yet'] };
  const resources = own(deployment, 'resources');
  if (resources !== undefined && !Array.isArray(resources))
    throw new InputError('EUGATE_INPUT_MALFORMED', file, 'resources is not a list', {
      key: `${kind}.resources`,
    });

  const states: PulumiResourceState[] = [];
  let pendingDelete = 0;
  (resources ?? []).forEach((resource: unknown, index: number) => {
    const where = `${kind}.resources[${index}]`;
    if (own(resource, 'delete') === true) {
      pendingDelete++;
      return;
    }
    states.push(readResourceState(resource, file, where, 'outputs'));
  });
  const pending = own(deployment, 'pending_operations');
  if (Array.isArray(pending) && pending.length > 0) {
    notes.push(
      `${pending.length} operation(s) were still pending when the state was saved; the resources they touch may differ from what is recorded`,
    );
  }
  const stack = states.map((state) => parseUrn(state.urn)?.stack).find((name) => name !== undefined);
  const lines = urnLines(text);
  const built = buildRawResources(states, {
    file,
    locate: (state) => {
      const line = lines.get(state.urn);
      return line === undefined ? {} : { line };
    },
    ...stackConfigFor(options, file, stack),
  });
  notes.push(...built.notes);
  if (pendingDelete > 0)
    notes.push(`${pendingDelete} resource(s) are pending deletion (replaced) and were not evaluated`);
  return { resources: built.resources, notes };
}
