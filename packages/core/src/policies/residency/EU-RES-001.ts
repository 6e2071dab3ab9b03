/**
 * EU-RES-001 — personal data stored outside the allowed jurisdictions.
 *
 * GDPR Chapter V (Art. 44–49) allows transfers to third countries only with an adequacy decision or
 * appropriate safeguards; after Schrems II (CJEU C-311/18, 2020) standard contractual clauses alone
 * do not make storage in the US lawful where US surveillance law reaches the data. Storing personal
 * data in a region outside the profile's jurisdictions is such a transfer, decided in one line of IaC.
 */
import { fail, holdsPersonalData, judgeRegion, pass } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-RES-001',
    title: 'Personal data stored outside the allowed jurisdictions',
    category: 'residency',
    severity: 'critical',
    legalBasis: ['GDPR Art. 44', 'GDPR Art. 45', 'GDPR Art. 46', 'CJEU C-311/18 (Schrems II)'],
    rationale:
      "Every region outside the profile's jurisdictions is a third-country transfer under GDPR Chapter V. Since Schrems II, contracts alone do not make such a transfer lawful where foreign authorities can compel access; public bodies across Europe have kept personal data out of clouds for exactly this reason. The region is chosen in the infrastructure code, so that is where it must be checked.",
    appliesTo:
      'Resources holding personal data whose region is known and catalogued (global edge services are judged by EU-RES-004).',
    outcomes: {
      pass: 'The region lies in a jurisdiction the profile allows (and in the configured countries/regions, if narrowed).',
      fail: 'The region lies outside them.',
      unknown: 'Never: an unknown or uncatalogued region is reported by EU-RES-003.',
    },
    remediation: {
      terraform:
        'Deploy the resource through a provider whose `region` is an allowed region (e.g. `provider "aws" { region = "eu-central-1" }`), or set the resource\'s own `region`/`location` to one.',
      cloudformation:
        'Deploy the stack to an allowed region (`cdk deploy` with `env: { region: "eu-central-1" }`, or `aws cloudformation deploy --region eu-central-1`).',
      pulumi:
        'Set `aws:region` / `azure-native:location` in the stack config, or pass an explicit provider in an allowed region.',
      arm: "Set the resource `location` (or the resource group's location) to an allowed region such as `westeurope`.",
    },
  },
  check(resource, context) {
    if (!holdsPersonalData(resource) || resource.facts.edge !== undefined || !resource.region.known)
      return [];
    const judgement = judgeRegion(context, resource.cloud, resource.region.value);
    if (judgement.state === 'uncatalogued') return [];
    return judgement.state === 'allowed'
      ? [
          pass(
            `stored in ${judgement.place}, allowed by the profile (${context.profile.description})`,
            resource.region.evidence,
          ),
        ]
      : [
          fail(
            `personal data stored in ${judgement.place}, outside the allowed jurisdictions (${context.profile.description})`,
            resource.region.evidence,
          ),
        ];
  },
};
