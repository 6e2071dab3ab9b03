/**
 * EU-RES-004 — personal data served through a global edge service without EU restriction.
 *
 * CDNs cache what they serve at edge locations worldwide; a price class or a viewer geo-restriction
 * limits cost or audience, not where the copies are cached. Personal data behind CloudFront, Azure
 * Front Door/CDN or a global load balancer with CDN is transferred wherever the edges are.
 */
import { fail, holdsPersonalData, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-RES-004',
    title: 'Personal data served through a global edge service without EU restriction',
    category: 'residency',
    severity: 'high',
    legalBasis: ['GDPR Art. 44', 'GDPR Art. 46'],
    rationale:
      'Edge services cache responses at locations worldwide. When they serve personal data (a bucket of customer documents behind a CDN), copies are made outside the EU on every request from elsewhere. Geo-restriction limits who may request, not where the copies are cached, and price classes still include non-EU edges.',
    appliesTo:
      'Edge services (CDN distributions, Front Door) that serve or cache personal data, usually by having a personal-data origin.',
    outcomes: {
      pass: 'The service is configured to use EU edge locations only.',
      fail: 'The service is global and not restricted to EU edges.',
      unknown: 'Whether it is restricted cannot be determined from the artifact.',
    },
    remediation: {
      terraform:
        'Do not put personal data behind `aws_cloudfront_distribution`; serve it from the regional endpoint (S3 presigned URLs, API Gateway regional endpoint, ALB) in an allowed region, or keep only non-personal assets at the edge.',
      cloudformation:
        'Remove personal-data origins from `AWS::CloudFront::Distribution`; serve them from a regional endpoint in an allowed region.',
      pulumi:
        'Remove personal-data origins from `aws.cloudfront.Distribution` / Front Door; serve them regionally.',
      arm: 'Serve personal data from a regional endpoint instead of `Microsoft.Cdn/profiles` / Front Door.',
    },
  },
  check(resource) {
    const edge = resource.facts.edge;
    if (!holdsPersonalData(resource) || edge === undefined) return [];
    if (!edge.known)
      return [undecided(`edge distribution cannot be determined: ${edge.reason}`, edge.evidence)];
    const origin = resource.personalData?.via?.[0];
    const serving =
      origin !== undefined && origin !== resource.address
        ? ` serves personal data from ${origin}`
        : ' serves personal data';
    if (!edge.value.global) return [pass('the service is regional, not global', edge.evidence)];
    return edge.value.restrictedToEu
      ? [pass(`global edge service restricted to EU edge locations`, edge.evidence)]
      : [
          fail(
            `global edge service${serving} through edge locations worldwide, without EU restriction`,
            edge.evidence,
          ),
        ];
  },
};
