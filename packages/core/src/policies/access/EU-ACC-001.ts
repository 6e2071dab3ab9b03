/**
 * EU-ACC-001 — personal data publicly accessible.
 *
 * Data protection by default (GDPR Art. 25(2)) requires that personal data is not made accessible to
 * an indefinite number of people without the individual's intervention. Public buckets and
 * containers remain among the most common causes of large personal-data leaks.
 */
import { fail, holdsPersonalData, pass, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-ACC-001',
    title: 'Personal data publicly accessible',
    category: 'access',
    severity: 'critical',
    legalBasis: ['GDPR Art. 25(2)', 'GDPR Art. 32(1)(b)', 'GDPR Art. 5(1)(f)'],
    rationale:
      'Art. 25(2) says personal data must not, by default, be made accessible to an indefinite number of natural persons. A bucket policy granting `Principal: "*"`, a public-read ACL or a public blob container does exactly that, and such exposures are among the most frequent sources of mass personal-data leaks.',
    appliesTo:
      'Resources holding personal data that can be exposed through a resource policy, ACL or public endpoint.',
    outcomes: {
      pass: 'No policy, ACL or setting grants anonymous access.',
      fail: 'Anonymous / everyone access is granted.',
      unknown: 'A policy or ACL that decides it is known only after apply.',
    },
    remediation: {
      terraform:
        'Add `aws_s3_bucket_public_access_block` with all four flags `true`; remove `Principal = "*"` statements and `public-read` ACLs; azurerm: `allow_nested_items_to_be_public = false`, `container_access_type = "private"`.',
      cloudformation:
        'Set `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls`, `RestrictPublicBuckets` all `true`; remove `Principal: "*"` from bucket policies.',
      pulumi:
        'Add an `aws.s3.BucketPublicAccessBlock` with all four flags true; remove public ACLs and `"*"` principals.',
      arm: 'Set `allowBlobPublicAccess: false` on the storage account and `publicAccess: "None"` on containers.',
    },
  },
  check(resource) {
    const fact = resource.facts.publicAccess;
    if (!holdsPersonalData(resource) || fact === undefined) return [];
    if (!fact.known) return [undecided(`public access cannot be determined: ${fact.reason}`, fact.evidence)];
    return fact.value
      ? [fail('personal data is accessible to anyone (anonymous access is granted)', fact.evidence)]
      : [pass('no anonymous access is granted', fact.evidence)];
  },
};
