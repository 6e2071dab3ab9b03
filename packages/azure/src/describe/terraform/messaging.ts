import type { Scan } from '@eugate/core';
import {
  asString,
  type EncryptionAtRest,
  type EncryptionInTransit,
  evidence,
  type Fact,
  knownFact,
  type RawResource,
  type ResourceKind,
  unknownFact,
} from '@eugate/core';
import { tlsVersion } from '../shared/tls.js';
import { publicNetworkAccess } from './network.js';
import { customerKey, orDocumentedDefault, readConfigured } from './plan-values.js';
import {
  buildResource,
  defaultEvidence,
  describeConfiguration,
  type TypeDescriber,
} from './resource-base.js';

interface Namespace {
  readonly type: string;
  readonly kind: ResourceKind;
  readonly service: string;
  readonly customerKeyResource: string;
  readonly children: readonly string[];
}

const NAMESPACES: readonly Namespace[] = [
  {
    type: 'azurerm_eventhub_namespace',
    kind: 'stream',
    service: 'Event Hubs',
    customerKeyResource: 'azurerm_eventhub_namespace_customer_managed_key',
    children: [
      'azurerm_eventhub',
      'azurerm_eventhub_consumer_group',
      'azurerm_eventhub_namespace_authorization_rule',
      'azurerm_eventhub_authorization_rule',
      'azurerm_eventhub_namespace_disaster_recovery_config',
      'azurerm_eventhub_namespace_schema_group',
    ],
  },
  {
    type: 'azurerm_servicebus_namespace',
    kind: 'queue',
    service: 'Service Bus',
    customerKeyResource: 'azurerm_servicebus_namespace_customer_managed_key',
    children: [
      'azurerm_servicebus_queue',
      'azurerm_servicebus_topic',
      'azurerm_servicebus_subscription',
      'azurerm_servicebus_subscription_rule',
      'azurerm_servicebus_namespace_authorization_rule',
      'azurerm_servicebus_queue_authorization_rule',
      'azurerm_servicebus_topic_authorization_rule',
      'azurerm_servicebus_namespace_network_rule_set',
      'azurerm_servicebus_namespace_disaster_recovery_config',
    ],
  },
];

function namespaceOf(raw: RawResource, scan: Scan, type: string): RawResource | undefined {
  return (
    scan.targetOf(raw, 'namespace_id', [type], ['id']) ??
    scan.targetOf(raw, 'eventhub_namespace_id', [type], ['id']) ??
    scan.targetOf(raw, 'namespace_name', [type], ['name'])
  );
}

function encryptionAtRest(namespace: RawResource, scan: Scan, family: Namespace): Fact<EncryptionAtRest> {
  const inline = customerKey(namespace, scan, 'customer_managed_key[0].key_vault_key_id');
  if (inline !== undefined) return knownFact('customer-key', ...inline);
  const [companion] = scan.companionsOf(
    namespace,
    family.customerKeyResource,
    family.type === 'azurerm_eventhub_namespace' ? 'eventhub_namespace_id' : 'namespace_id',
    ['id'],
  );
  if (companion !== undefined)
    return knownFact(
      'customer-key',
      evidence(family.customerKeyResource, companion.address, companion.address),
    );
  return knownFact(
    'provider-key',
    defaultEvidence('customer_managed_key', `${family.service} encrypts with Microsoft-managed keys`),
  );
}

/** Both services speak AMQP over TLS and HTTPS only; `minimum_tls_version` (default 1.2) sets the floor. */
function encryptionInTransit(namespace: RawResource, family: Namespace): Fact<EncryptionInTransit> {
  const always = evidence('(service)', `${family.service} accepts TLS connections only`);
  const read = orDocumentedDefault(asString(readConfigured(namespace, 'minimum_tls_version')), '1.2');
  if (read.state === 'unknown') return unknownFact(read.reason, read.evidence);
  if (read.state === 'absent') return knownFact({ enforced: true }, always, read.evidence);
  const version = tlsVersion(read.value);
  if (version === undefined)
    return unknownFact(`unrecognised minimum_tls_version ${JSON.stringify(read.value)}`, read.evidence);
  return knownFact({ enforced: true, minTlsVersion: version }, always, read.evidence);
}

/** The namespace endpoint admits every network while public access is on and no rule set denies by default. */
function networkExposure(namespace: RawResource): Fact<boolean> {
  const gate = publicNetworkAccess(namespace);
  if ('closed' in gate) return gate.closed;
  const action = asString(readConfigured(namespace, 'network_rulesets[0].default_action'));
  if (action.state === 'unknown') return unknownFact(action.reason, gate.open, action.evidence);
  if (action.state === 'set' && action.value.toLowerCase() === 'deny')
    return knownFact(false, action.evidence);
  return knownFact(true, gate.open, action.evidence);
}

export const messagingDescribers: readonly TypeDescriber[] = NAMESPACES.flatMap((family) => [
  {
    type: family.type,
    describe(namespace: RawResource, scan: Scan) {
      return buildResource(namespace, scan, {
        kind: family.kind,
        storesData: true,
        facts: {
          encryptionAtRest: encryptionAtRest(namespace, scan, family),
          encryptionInTransit: encryptionInTransit(namespace, family),
          networkExposure: networkExposure(namespace),
        },
      });
    },
  },
  ...[family.customerKeyResource, ...family.children].map(
    (type): TypeDescriber => ({
      type,
      describe: (raw, scan) => describeConfiguration(raw, scan, namespaceOf(raw, scan, family.type)),
    }),
  ),
]);
