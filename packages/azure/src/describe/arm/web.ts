import {
  asBoolean,
  type EncryptionInTransit,
  type Fact,
  knownFact,
  type RawResource,
  readProperty,
  unknownFact,
} from '@eugate/core';
import { tlsVersion } from '../shared/tls.js';
import {
  type ArmScan,
  type ArmTypeDescriber,
  buildArmResource,
  defaultEvidence,
  namePath,
  nameSegments,
  readEnum,
} from './resource-base.js';

export const WEB_SITE = 'Microsoft.Web/sites';

/** `siteConfig.minTlsVersion` on the site, or on its `config/web` child; App Service defaults to 1.2. */
function minTls(site: RawResource, scan: ArmScan) {
  const own = readEnum(site, 'properties.siteConfig.minTlsVersion');
  if (own.state !== 'absent') return own;
  for (const config of scan.childrenOf(site, 'config')) {
    if (nameSegments(namePath(config)).at(-1)?.toLowerCase() !== 'web') continue;
    const read = readEnum(config, 'properties.minTlsVersion', config.address);
    if (read.state !== 'absent') return read;
  }
  return own;
}

/**
 * `httpsOnly` (default false) decides whether plain HTTP is refused; `minTlsVersion` the floor.
 * A web app processes the personal data it serves but does not store it: it is described as a
 * `configuration`-kind resource that holds no data, so its in-transit fact is recorded for review
 * and for rules that look at what serves personal data.
 */
function encryptionInTransit(site: RawResource, scan: ArmScan): Fact<EncryptionInTransit> {
  const https = asBoolean(readProperty(site.properties, 'properties.httpsOnly'));
  if (https.state === 'unknown') return unknownFact(https.reason, https.evidence);
  const httpsEvidence =
    https.state === 'set' ? https.evidence : defaultEvidence(https.evidence.path, 'defaults to false');
  const enforced = https.state === 'set' && https.value;
  const tls = minTls(site, scan);
  if (tls.state === 'unknown') return unknownFact(tls.reason, httpsEvidence, tls.evidence);
  if (tls.state === 'absent')
    return knownFact(
      { enforced, minTlsVersion: '1.2' },
      httpsEvidence,
      defaultEvidence(tls.evidence.path, 'defaults to 1.2'),
    );
  const version = tlsVersion(tls.value);
  if (version === undefined)
    return unknownFact(`unrecognised minTlsVersion ${JSON.stringify(tls.evidence.value)}`, tls.evidence);
  return knownFact({ enforced, minTlsVersion: version }, httpsEvidence, tls.evidence);
}

const describeSite: ArmTypeDescriber = {
  type: WEB_SITE,
  describe(site, scan) {
    const name = typeof site.properties.name === 'string' ? site.properties.name : undefined;
    return buildArmResource(site, scan, {
      kind: 'configuration',
      storesData: false,
      identifiers: [name === undefined ? undefined : `${name}.azurewebsites.net`],
      facts: { encryptionInTransit: encryptionInTransit(site, scan) },
    });
  },
};

export const webDescribers: readonly ArmTypeDescriber[] = [describeSite];
