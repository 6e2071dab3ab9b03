/**
 * EU-ACC-003 — personal data reachable from the internet at network level.
 *
 * Defence in depth (Art. 32(1)(b)): a database holding personal data should not accept connections
 * from 0.0.0.0/0 even when it has passwords — credential stuffing and unpatched engines are found by
 * internet-wide scans within hours.
 */
import { fail, holdsPersonalData, pass, undecided } from '../shared.js';
import type { Rule, RuleResult } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-ACC-003',
    title: 'Personal data reachable from the internet at network level',
    category: 'access',
    severity: 'high',
    legalBasis: ['GDPR Art. 32(1)(b)', 'GDPR Art. 25(1)'],
    rationale:
      'A data store that accepts connections from anywhere (`0.0.0.0/0`, `::/0`, public network access) is one leaked password or unpatched vulnerability away from a breach, and internet-wide scanners find it within hours. Network isolation is the cheapest supplementary control and is set in the same code that creates the store.',
    appliesTo:
      'Resources holding personal data with a network exposure setting, and the security groups / firewall rules in front of them.',
    outcomes: {
      pass: 'Not publicly accessible, and no security group in front of it admits the whole internet.',
      fail: 'Publicly accessible, or a security group in front of it admits 0.0.0.0/0 or ::/0.',
      unknown: 'The setting or a rule in front of it is known only after apply.',
    },
    remediation: {
      terraform:
        'Set `publicly_accessible = false`; restrict security group ingress `cidr_blocks` to your networks (no `0.0.0.0/0` / `::/0`); azurerm: `public_network_access_enabled = false` and no `0.0.0.0`–`255.255.255.255` firewall rule.',
      cloudformation:
        'Set `PubliclyAccessible: false`; restrict `SecurityGroupIngress[].CidrIp` to your networks.',
      pulumi: 'Set `publiclyAccessible: false`; restrict security group ingress `cidrBlocks`.',
      arm: 'Set `publicNetworkAccess: "Disabled"` and use private endpoints; remove the `AllowAllWindowsAzureIps`/0.0.0.0–255.255.255.255 firewall rules.',
    },
  },
  check(resource, context) {
    if (!holdsPersonalData(resource)) return [];
    const results: RuleResult[] = [];
    const own = resource.facts.networkExposure;
    if (own !== undefined) {
      if (!own.known)
        results.push(undecided(`network exposure cannot be determined: ${own.reason}`, own.evidence));
      else if (own.value)
        results.push(fail('reachable from the internet (public network access is on)', own.evidence));
      else results.push(pass('not reachable from the internet', own.evidence));
    }
    for (const edge of context.graph.incoming(resource.address)) {
      if (edge.kind !== 'network-ingress' || edge.from === null) continue;
      const rule = context.resource(edge.from);
      const exposure = rule?.facts.networkExposure;
      if (exposure === undefined) continue;
      const evidence = [...edge.evidence, ...exposure.evidence];
      if (!exposure.known)
        results.push(undecided(`${edge.from} in front of it: ${exposure.reason}`, evidence));
      else if (exposure.value)
        results.push(fail(`${edge.from} admits traffic from the whole internet`, evidence));
      else results.push(pass(`${edge.from} does not admit the whole internet`, evidence));
    }
    return results;
  },
};
