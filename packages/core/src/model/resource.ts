import type { Evidence, Fact } from './evidence.js';
import type { Knowable } from './knowable.js';
import type { SchemaFamily } from './raw.js';
import type { SourceLocation } from './source.js';

export type Cloud = 'aws' | 'azure' | 'gcp';

/** What a resource is, in cloud-agnostic terms. */
export type ResourceKind =
  | 'object-storage'
  | 'relational-database'
  | 'nosql-database'
  | 'block-storage'
  | 'file-storage'
  | 'queue'
  | 'topic'
  | 'stream'
  | 'cache'
  | 'search'
  | 'data-warehouse'
  | 'secret'
  | 'log-store'
  | 'backup-vault'
  | 'encryption-key'
  | 'network-rule'
  | 'backup-plan'
  | 'edge-distribution'
  | 'access-policy'
  /** A resource that only configures another one (an S3 bucket's encryption configuration). */
  | 'configuration';

export type EncryptionAtRest = 'none' | 'provider-key' | 'customer-key';

export interface EncryptionInTransit {
  /** Plain-text connections are refused. */
  readonly enforced: boolean;
  /** Minimum TLS version accepted, e.g. `1.2`, when the resource states one. */
  readonly minTlsVersion?: string;
}

export interface EdgeExposure {
  /** Served from edge locations outside any single region. */
  readonly global: boolean;
  /** The service is configured to use only edge locations inside the EU. */
  readonly restrictedToEu: boolean;
}

/**
 * Normalised facts. Absent means "does not apply to this kind of resource"; a fact that applies but
 * cannot be determined is present and unknown.
 */
export interface ResourceFacts {
  readonly encryptionAtRest?: Fact<EncryptionAtRest>;
  readonly encryptionInTransit?: Fact<EncryptionInTransit>;
  /** Anonymous / everyone access through a resource policy, ACL or public endpoint. */
  readonly publicAccess?: Fact<boolean>;
  /** Reachable from the internet at network level (0.0.0.0/0 or ::/0 ingress, public network access). */
  readonly networkExposure?: Fact<boolean>;
  /** A policy grants all actions or to all principals (`*`). */
  readonly wildcardAccess?: Fact<boolean>;
  /** Access to the data is logged (S3 server access logs, audit logs). */
  readonly accessLogging?: Fact<boolean>;
  /** For edge services: global distribution and whether it is restricted to EU edges. */
  readonly edge?: Fact<EdgeExposure>;
  /** For encryption keys: automatic rotation. */
  readonly keyRotation?: Fact<boolean>;
}

/**
 * How data moves between resources. `replica`, `read-replica`, `backup-copy`, `log-delivery` and
 * `edge-delivery` copy data (the target holds a copy, so it inherits personal data);
 * `network-ingress` admits traffic into the target (a security group in front of a database).
 */
export type FlowKind =
  | 'replica'
  | 'read-replica'
  | 'backup-copy'
  | 'log-delivery'
  | 'edge-delivery'
  | 'network-ingress';

export const DATA_COPYING_FLOWS: ReadonlySet<FlowKind> = new Set([
  'replica',
  'read-replica',
  'backup-copy',
  'log-delivery',
  'edge-delivery',
]);

/**
 * One end of a flow. `self` is the resource that declares the flow. Otherwise the describer says
 * what it knows: the address of a resource in the same input, an identifier (bucket name, ARN,
 * vault name) for the linker to resolve, and/or the region the data lands in.
 */
export type FlowEnd =
  | { readonly self: true }
  | {
      readonly self?: false;
      readonly address?: string;
      readonly identifier?: string;
      readonly region?: Fact<string>;
    };

export interface Flow {
  readonly kind: FlowKind;
  readonly from: FlowEnd;
  readonly to: FlowEnd;
  readonly evidence: readonly Evidence[];
}

export const SELF: FlowEnd = { self: true };

/** A resource as a describer understands it: cloud-level facts with evidence. */
export interface Resource {
  readonly address: string;
  readonly type: string;
  readonly cloud: Cloud;
  readonly schema: SchemaFamily;
  readonly kind: ResourceKind;
  readonly source: SourceLocation;
  readonly stack?: string;
  /** Holds data that may be personal (a candidate for classification). */
  readonly storesData: boolean;
  readonly region: Fact<string>;
  readonly tags: Knowable<Readonly<Record<string, string>>>;
  /** Names, ARNs and ids other resources use to refer to this one (for linking flows). */
  readonly identifiers: readonly string[];
  /** For `configuration` resources: the address of the resource they configure, when known. */
  readonly configures?: string;
  readonly facts: ResourceFacts;
  readonly flows: readonly Flow[];
}
