/** Freezes `value` and everything it holds: in strict ESM a write to it then throws (tests that nothing is written to what was read). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
