/**
 * Marks the default branch of an exhaustive switch. If a union member has no case,
 * the value reaching this call is not `never`, so compilation fails. The throw only
 * runs when untyped data (a database row, a request body) smuggles in an unknown value.
 */
export function assertNever(value: never, unionName: string): never {
  throw new Error(`Unhandled ${unionName}: ${JSON.stringify(value)}`);
}
