import { MockMonitor, type Mocks } from '@pulumi/pulumi/runtime/mocks.js';

/**
 * The runtime's mock monitor qualifies every type with its parent's, the stack included
 * (`pulumi:pulumi:Stack$aws:s3/bucket:Bucket`); the engine leaves the stack out. URNs here are the
 * engine's, so a program's addresses match those of its preview.
 */
export function engineUrn(urn: string): string {
  return urn.replace(/::pulumi:pulumi:Stack\$/, '::');
}

/** `<provider URN>::<id>` with the provider URN as the engine writes it. */
function engineReference(reference: string): string {
  return reference.replace(/::pulumi:pulumi:Stack\$/, '::');
}

/** What the language runtime asked the engine to register, as the engine would record it. */
export interface Registration {
  readonly urn: string;
  readonly type: string;
  readonly custom: boolean;
  /** Read with `Resource.get()`: an existing resource, not managed by the program. */
  readonly external: boolean;
  /** The request's property values in wire form (unknowns, secrets and references encoded). */
  readonly inputs: Record<string, unknown>;
  readonly provider?: string;
  readonly parent?: string;
  readonly propertyDependencies: Record<string, string[]>;
  readonly sourceUri?: string;
  readonly sourceLine?: number;
}

// The protobuf request objects of the resource monitor protocol, as far as they are read here.
interface StructLike {
  toJavaScript(): Record<string, unknown>;
}
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProvider(): string;
  getObject(): StructLike | undefined;
  getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> } | undefined;
  getSourceposition(): { getUri(): string; getLine(): number } | undefined;
}
interface ReadRequest {
  getType(): string;
  getProvider(): string;
  getParent(): string;
  getProperties(): StructLike | undefined;
}
type Callback = (error: unknown, response: { getUrn(): string } | undefined) => void;

/**
 * The runtime's own mock monitor, recording every registration with what the mocks do not see:
 * the URN, the parent, each input's dependencies (to link companions, as a preview's
 * `propertyDependencies` do) and the source position.
 */
export class RecordingMonitor extends MockMonitor {
  readonly registrations: Registration[] = [];

  constructor(mocks: Mocks) {
    super(mocks);
  }

  override registerResource(req: RegisterRequest, callback: Callback): Promise<void> {
    return super.registerResource(req, (error, response) => {
      if (error === null || error === undefined) {
        if (response !== undefined) this.record(req, response.getUrn(), false);
      }
      callback(error, response);
    });
  }

  override readResource(req: ReadRequest, callback: Callback): Promise<void> {
    return super.readResource(req, (error, response) => {
      if ((error === null || error === undefined) && response !== undefined) {
        this.registrations.push({
          urn: engineUrn(response.getUrn()),
          type: req.getType(),
          custom: true,
          external: true,
          inputs: req.getProperties()?.toJavaScript() ?? {},
          propertyDependencies: {},
          ...(req.getProvider() !== '' && { provider: engineReference(req.getProvider()) }),
        });
      }
      callback(error, response);
    });
  }

  private record(req: RegisterRequest, urn: string, external: boolean): void {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, deps] of req.getPropertydependenciesMap()?.entries() ?? []) {
      propertyDependencies[key] = deps.getUrnsList().map(engineUrn);
    }
    const position = req.getSourceposition();
    this.registrations.push({
      urn: engineUrn(urn),
      type: req.getType(),
      custom: req.getCustom(),
      external,
      inputs: req.getObject()?.toJavaScript() ?? {},
      propertyDependencies,
      ...(req.getProvider() !== '' && { provider: engineReference(req.getProvider()) }),
      ...(req.getParent() !== '' && { parent: engineUrn(req.getParent()) }),
      ...(position !== undefined && position.getUri() !== '' && { sourceUri: position.getUri() }),
      ...(position !== undefined && position.getLine() > 0 && { sourceLine: position.getLine() }),
    });
  }
}
