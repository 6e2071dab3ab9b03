/**
 * EU-ENC-003 — encryption in transit not enforced, or TLS below 1.2.
 *
 * Art. 32(1)(a) covers data in transit as much as at rest. TLS 1.0 and 1.1 are deprecated (RFC 8996,
 * 2021); a data store that still accepts them, or accepts plain text, lets personal data cross
 * networks readable by anyone on the path.
 */
import { fail, holdsPersonalData, MINIMUM_TLS, pass, tlsVersionNumber, undecided } from '../shared.js';
import type { Rule } from '../types.js';

export const rule: Rule = {
  meta: {
    id: 'EU-ENC-003',
    title: 'Encryption in transit not enforced, or TLS below 1.2',
    category: 'encryption',
    severity: 'high',
    legalBasis: ['GDPR Art. 32(1)(a)', 'GDPR Art. 5(1)(f)'],
    rationale:
      'Personal data crossing a network must be encrypted, and the protocol must still be secure: TLS 1.0 and 1.1 were deprecated by RFC 8996. Many services accept plain-text or old-TLS connections unless told otherwise (S3 without a `aws:SecureTransport` deny, storage accounts with a TLS 1.0 minimum, CDNs allowing HTTP).',
    appliesTo: 'Resources holding personal data that accept network connections to the data.',
    outcomes: {
      pass: 'Plain-text connections are refused and the minimum TLS version, if stated, is 1.2 or higher.',
      fail: 'Plain text is accepted, or the minimum TLS version is below 1.2.',
      unknown: 'Enforcement cannot be determined (e.g. a database parameter group that is not in the input).',
    },
    remediation: {
      terraform:
        'S3: a bucket policy statement denying `s3:*` when `aws:SecureTransport` is `false`; RDS: `rds.force_ssl = 1` / `require_secure_transport = ON` in the parameter group; CloudFront: `viewer_protocol_policy = "redirect-to-https"` and `minimum_protocol_version = "TLSv1.2_2021"`; azurerm: `min_tls_version = "TLS1_2"`, `https_traffic_only_enabled = true`.',
      cloudformation:
        'S3: a `AWS::S3::BucketPolicy` denying requests with `aws:SecureTransport: false`; RDS: a parameter group with `rds.force_ssl: 1`; CloudFront: `ViewerProtocolPolicy: redirect-to-https`, `MinimumProtocolVersion: TLSv1.2_2021`.',
      pulumi:
        'The same properties in camelCase: `viewerProtocolPolicy`, `minimumProtocolVersion`, `minTlsVersion: "TLS1_2"`.',
      arm: 'Set `minimumTlsVersion: "TLS1_2"` and `supportsHttpsTrafficOnly: true` (storage), `minimalTlsVersion: "1.2"` (SQL), `httpsOnly: true` and `siteConfig.minTlsVersion: "1.2"` (App Service).',
    },
  },
  check(resource) {
    const fact = resource.facts.encryptionInTransit;
    if (!holdsPersonalData(resource) || fact === undefined) return [];
    if (!fact.known)
      return [undecided(`encryption in transit cannot be determined: ${fact.reason}`, fact.evidence)];
    if (!fact.value.enforced)
      return [fail('plain-text (unencrypted) connections are accepted', fact.evidence)];
    const minimum = fact.value.minTlsVersion;
    if (minimum !== undefined) {
      const version = tlsVersionNumber(minimum);
      if (version === undefined) {
        return [
          undecided(`minimum TLS version "${minimum}" is not a version eugate can compare`, fact.evidence),
        ];
      }
      if (version < MINIMUM_TLS) {
        return [fail(`TLS is enforced but accepts versions below 1.2 (minimum "${minimum}")`, fact.evidence)];
      }
    }
    return [
      pass(
        `encryption in transit enforced${minimum !== undefined ? ` (minimum TLS "${minimum}")` : ''}`,
        fact.evidence,
      ),
    ];
  },
};
