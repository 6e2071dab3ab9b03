/**
 * EU-RES-003 — the region of a personal-data resource cannot be determined.
 *
 * Accountability (GDPR Art. 5(2)) means being able to show where personal data is. A region that
 * comes from an environment variable at plan time, or a code eugate does not know, could be
 * anywhere: eugate fails closed instead of guessing — the failure mode of tools that default to
 * `us-east-1` or treat "not set" as "fine".
 */
import { holdsPersonalData, judgeRegion, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-RES-003',
    title: 'Region of a personal-data resource cannot be determined',
    category: 'residency',
    severity: 'high',
    legalBasis: ['GDPR Art. 5(2)', 'GDPR Art. 30(1)(e)', 'GDPR Art. 44'],
    rationale:
      'A controller must be able to show where personal data is stored and to which countries it is transferred. When the deployment artifact does not say where a resource goes (a provider region taken from the environment, a region known only after apply, a region code not in the catalogue), nobody reviewing the change can tell — so the gate does not pass it.',
    appliesTo: 'Resources holding personal data (global edge services are judged by EU-RES-004).',
    outcomes: {
      pass: 'The region is stated in the artifact and is in the catalogue.',
      fail: 'Never.',
      unknown:
        'The region is not stated, known only after apply, or not in the catalogue; the message gives the reason.',
    },
    remediation: {
      terraform:
        'Set `region` in the provider block to a constant or a variable with a known value (not only the `AWS_REGION` environment variable); for azurerm set `location` on the resource.',
      cloudformation:
        'Give the CDK stack an explicit `env: { region }`, or scan the template with `--region`/config `region`.',
      pulumi: 'Set `aws:region` (or `azure-native:location`) in `Pulumi.<stack>.yaml`.',
      arm: 'Give `location` a literal or a parameter default instead of `[resourceGroup().location]`, or pass the deployment location in config.',
    },
  },
  check(resource, context) {
    if (!holdsPersonalData(resource) || resource.facts.edge !== undefined) return [];
    if (!resource.region.known) {
      return [undecided(`region cannot be determined: ${resource.region.reason}`, resource.region.evidence)];
    }
    const judgement = judgeRegion(context, resource.cloud, resource.region.value);
    return judgement.state === 'uncatalogued'
      ? [undecided(judgement.reason, resource.region.evidence)]
      : [pass(`region ${judgement.place} is stated in the artifact`, resource.region.evidence)];
  },
};
