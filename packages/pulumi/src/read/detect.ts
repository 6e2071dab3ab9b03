import { InputError } from '@eugate/core';
import { isJsonObject } from './json-value.js';

/**
 * The JSON Pulumi writes that eugate recognises, told apart by content. Engine event logs
 * (`--event-log`, `pulumi up --json` streams) are recognised too, so they can be refused with a
 * clear message rather than "not recognised".
 */
export type PulumiArtifactFormat = 'preview' | 'stack-export' | 'event-log';

const EVENT_KEYS = [
  'preludeEvent',
  'resourcePreEvent',
  'resOutputsEvent',
  'resOpFailedEvent',
  'summaryEvent',
  'diagnosticEvent',
  'cancelEvent',
  'stdoutEvent',
  'policyEvent',
  'engineEvent',
];

/** Cheap test on the start of a text. */
export function sniffPulumiArtifact(text: string): PulumiArtifactFormat | undefined {
  const head = text.slice(0, 65_536);
  if (/^\s*\{\s*"sequence"\s*:/.test(head) && EVENT_KEYS.some((key) => head.includes(`"${key}"`)))
    return 'event-log';
  if (/"steps"\s*:\s*\[/.test(head) && (/"op"\s*:/.test(head) || /"changeSummary"/.test(text)))
    return 'preview';
  if (
    /"version"\s*:\s*\d+/.test(head) &&
    /"(deployment|checkpoint)"\s*:\s*\{/.test(head) &&
    /"(resources|latest|manifest)"\s*:/.test(head)
  )
    return 'stack-export';
  return undefined;
}

/** Parsed value: a preview digest (`{ config?, steps[], changeSummary? }`). */
export function looksLikePulumiPreview(value: unknown): boolean {
  return isJsonObject(value) && Array.isArray(value.steps) && !Object.hasOwn(value, 'format_version');
}

/** Parsed value: `pulumi stack export` (`{ version, deployment }`) or a state checkpoint (`{ version, checkpoint }`). */
export function looksLikePulumiStackExport(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    typeof value.version === 'number' &&
    (isJsonObject(value.deployment) || isJsonObject(value.checkpoint))
  );
}

export function eventLogError(file: string): InputError {
  return new InputError(
    'EUGATE_INPUT_NOT_RECOGNISED',
    file,
    'this is a Pulumi engine event log (one JSON event per line), not a deployment artifact; give eugate `pulumi preview --json > preview.json` or `pulumi stack export > state.json` instead',
  );
}
