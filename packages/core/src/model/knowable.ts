/**
 * A three-valued building block: a value is either known, or unknown with the reason why.
 * eugate never uses `undefined` to mean "we could not tell" — an unknown carries its reason to the
 * report, where it becomes a finding of its own (fail closed).
 */
export type Knowable<T> = Known<T> | Unknown;

export interface Known<T> {
  readonly known: true;
  readonly value: T;
}

export interface Unknown {
  readonly known: false;
  readonly reason: string;
}

export function known<T>(value: T): Known<T> {
  return { known: true, value };
}

export function unknown(reason: string): Unknown {
  return { known: false, reason };
}

/**
 * Marks a value inside raw resource properties that the artifact does not determine: a Terraform
 * value known only after apply, an unresolvable CloudFormation intrinsic, a Pulumi output. Readers
 * put it where the value would be; describers turn it into an unknown fact.
 */
export class UnknownValue {
  constructor(readonly reason: string) {}
  toJSON(): string {
    return `(unknown: ${this.reason})`;
  }
}

export function isUnknownValue(value: unknown): value is UnknownValue {
  return value instanceof UnknownValue;
}
