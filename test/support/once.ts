/**
 * Memoised async set-up, awaited at the start of every test that needs it.
 * Why not uvu's `before` hook: uvu 0.5 runs hooks inside try/finally with a
 * `return` in the finally block, so an error thrown by a before hook (chromium
 * missing, build failing) is swallowed and the run still exits 0. Inside a test
 * the same error fails that test, loudly.
 */
export function once<T>(setUp: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= setUp());
}
