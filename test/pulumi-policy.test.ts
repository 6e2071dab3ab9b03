import { defaultConfig, mergeConfig } from '@eugate/core';
import { enforcementLevelFor, eugatePolicies } from '@eugate/pulumi/policy';
import { type Registration, recordPulumiProgram } from '@eugate/pulumi/program';
import type { PolicyProviderResource, PolicyResource, StackValidationArgs } from '@pulumi/policy';
import * as deserialize from '@pulumi/policy/deserialize.js';
import * as proxy from '@pulumi/policy/proxy.js';
import { beforeAll, describe, expect, test } from 'vitest';

// The Pulumi CLI is not available here: the policies are called as the policy analyzer calls a
// stack policy (@pulumi/policy server.ts, makeAnalyzeStackRpcFun): the resources' properties
// deserialized and wrapped in the unknown-checking proxy, providers, parents and property
// dependencies resolved to resource objects. The resources come from a real program under mocks.

// The analyzer's own helpers (marked internal, so absent from the published type declarations).
const { deserializeProperties } = deserialize as unknown as {
  deserializeProperties(
    struct: { toJavaScript(): Record<string, unknown> },
    proxySecrets: boolean,
  ): Record<string, unknown>;
};
const { unknownCheckingProxy } = proxy as unknown as {
  unknownCheckingProxy<T extends object>(value: T): T;
};

const AWS_DEFAULT_PROVIDER = 'urn:pulumi:stack::project::pulumi:providers:aws::default_7_48_0';

/** What the engine hands `validateStack`, built from what the program registered. */
function analyzerResources(registrations: readonly Registration[], defaultRegion: string): PolicyResource[] {
  const byUrn = new Map(registrations.map((r) => [r.urn, r]));
  const providerOf = (r: Registration): PolicyProviderResource | undefined => {
    if (r.type.startsWith('pulumi:') || !r.custom) return undefined;
    if (r.provider === undefined) {
      // The engine's default provider, configured from the stack config.
      return {
        type: 'pulumi:providers:aws',
        urn: AWS_DEFAULT_PROVIDER,
        name: 'default_7_48_0',
        props: { region: defaultRegion },
      };
    }
    const urn = r.provider.slice(0, r.provider.lastIndexOf('::'));
    const provider = byUrn.get(urn);
    if (provider === undefined) throw new Error(`no provider ${urn}`);
    return { type: provider.type, urn, name: urn.split('::').pop() ?? '', props: props(provider) };
  };
  const props = (r: Registration) =>
    unknownCheckingProxy(deserializeProperties({ toJavaScript: () => r.inputs }, false));
  const resources = registrations
    .filter((r) => !r.type.startsWith('pulumi:providers:'))
    .map((r): PolicyResource => {
      const provider = providerOf(r);
      return {
        type: r.type,
        props: props(r),
        urn: r.urn,
        name: r.urn.split('::').pop() ?? '',
        opts: {
          protect: false,
          ignoreChanges: [],
          aliases: [],
          customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
          additionalSecretOutputs: [],
        },
        dependencies: [],
        propertyDependencies: {},
        ...(provider !== undefined && { provider }),
        isType: () => false,
        asType: () => undefined,
      } as PolicyResource;
    });
  const byResourceUrn = new Map(resources.map((r) => [r.urn, r]));
  for (const resource of resources) {
    const registration = byUrn.get(resource.urn) as Registration;
    if (registration.parent !== undefined) {
      const parent = byResourceUrn.get(registration.parent);
      if (parent !== undefined) resource.parent = parent;
    }
    for (const [key, urns] of Object.entries(registration.propertyDependencies)) {
      resource.propertyDependencies[key] = urns.flatMap((urn) => byResourceUrn.get(urn) ?? []);
    }
  }
  return resources;
}

interface Violation {
  readonly policy: string;
  readonly enforcementLevel: string | undefined;
  readonly message: string;
  readonly urn: string | undefined;
}

async function runStackPolicies(
  policies: ReturnType<typeof eugatePolicies>,
  resources: PolicyResource[],
): Promise<Violation[]> {
  const violations: Violation[] = [];
  const args: StackValidationArgs = {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => ({}) as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
  for (const policy of policies) {
    if (policy.enforcementLevel === 'disabled') continue;
    await policy.validateStack(args, (message, urn) =>
      violations.push({ policy: policy.name, enforcementLevel: policy.enforcementLevel, message, urn }),
    );
  }
  return violations;
}

describe('the eugate policy pack, called as the Pulumi policy engine calls it', () => {
  // A module's top level runs once per process: record it once, use it in several tests.
  let registrations: readonly Registration[] = [];
  beforeAll(async () => {
    registrations = await recordPulumiProgram(() => import('./fixtures/pulumi/aws-default-region/index.js'), {
      config: { 'aws:region': 'us-east-1' },
    });
    expect(registrations.map((r) => r.type)).toContain('aws:s3/bucket:Bucket');
  });

  test('a bucket on the default provider in us-east-1 is a mandatory EU-RES-001 violation', async () => {
    const violations = await runStackPolicies(
      eugatePolicies({ today: '2026-01-01' }),
      analyzerResources(registrations, 'us-east-1'),
    );
    const residency = violations.filter((v) => v.policy === 'EU-RES-001');
    expect(residency).toEqual([
      {
        policy: 'EU-RES-001',
        enforcementLevel: 'mandatory',
        urn: 'urn:pulumi:stack::project::aws:s3/bucket:Bucket::customer-data',
        message: expect.stringContaining('us-east-1'),
      },
    ]);
    expect(residency[0]?.message).toContain('eugate explain EU-RES-001');
  });

  test('the EU program passes the residency policies, though some of its inputs are unknown at preview', async () => {
    const euRegistrations = await recordPulumiProgram(
      () => import('./fixtures/pulumi/aws-eu-provider/index.js'),
      {
        config: { 'aws:region': 'us-east-1' },
      },
    );
    // The SSE configuration's key ARN is an output of a key not created yet: reading it through
    // the proxy would throw UnknownValueError; the pack must not trip on it.
    expect(JSON.stringify(euRegistrations)).toContain('04da6b54-80e4-46f7-96ec-b56ff0331ba9');
    const violations = await runStackPolicies(
      eugatePolicies({ today: '2026-01-01' }),
      analyzerResources(euRegistrations, 'us-east-1'),
    );
    expect(violations.filter((v) => v.urn?.endsWith('::customer-data'))).toEqual([]);
    expect(violations.filter((v) => v.policy.startsWith('EU-RES'))).toEqual([]);
  });

  test('a region the engine does not know is a violation (fail closed), not a pass', async () => {
    const resources = analyzerResources(registrations, 'us-east-1').map((r) =>
      r.provider === undefined ? r : { ...r, provider: { ...r.provider, props: {} } },
    );
    const violations = await runStackPolicies(eugatePolicies({ today: '2026-01-01' }), resources);
    expect(violations.map((v) => v.policy)).toContain('EU-RES-003');
    expect(violations.find((v) => v.policy === 'EU-RES-003')?.message).toMatch(/^cannot be decided/);
  });

  test('enforcement levels follow the severities, failOn and disabled rules of the eugate config', () => {
    const config = mergeConfig(defaultConfig(), { failOn: 'high' });
    expect(enforcementLevelFor('EU-RES-001', 'critical', config)).toBe('mandatory');
    expect(enforcementLevelFor('EU-ENC-003', 'high', config)).toBe('mandatory');
    expect(enforcementLevelFor('EU-ACC-004', 'medium', config)).toBe('advisory');
    const disabled = { ...config, disabledRules: ['EU-ACC-004'] };
    const policies = eugatePolicies({ config: disabled });
    expect(policies.find((p) => p.name === 'EU-ACC-004')).toMatchObject({
      enforcementLevel: 'disabled',
      severity: 'medium',
    });
    expect(policies.map((p) => p.name)).toContain('EU-RES-002');
    expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
  });
});
