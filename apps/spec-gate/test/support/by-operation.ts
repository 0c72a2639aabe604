/**
 * A spec's changes grouped by the operation that feels them, in the gate's order within each operation, so a
 * test states exactly what each operation gets (a shared schema's change is one per operation that reaches it)
 * without depending on the order of operations.
 */
export function byOperation<Change extends { operation: string }>(changes: readonly Change[] = []): Record<string, Change[]> {
  const grouped: Record<string, Change[]> = {};
  for (const change of changes) {
    grouped[change.operation] ??= [];
    grouped[change.operation]?.push(change);
  }
  return grouped;
}
