// Types for packs.js (a plain browser module) so the build and the Node tests can import it under tsc strict.
export function packedFiles(all: Uint8Array, path: string): [string, Uint8Array][];
export function packReader(
  siteRoot: URL,
  loadDecoder: (path: string) => Promise<{ decompress(bytes: Uint8Array): Uint8Array }>,
): (pack: { path: string } | undefined) => void;
