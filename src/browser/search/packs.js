// @ts-check
// Packs (src/search/packs.ts): some of Pagefind's files in one LZMA file, which the page
// fetches instead of them — a year's parts' entry files and metadata, Pagefind's
// WebAssembly. Online only: the offline mirror reads Pagefind's own files (offline-files.js).
//
// A pack lists the files it holds in its first line (JSON: [path, length] each, paths
// relative to the site root), then holds their bytes one after the other. Pagefind fetches
// its files with the global fetch() and takes a file's bytes as they are when they begin
// with its signature, as a pack's do. So once a pack is announced (unpack), fetch() answers
// each request under the pack's folder from the pack, waiting for it if need be: a file it
// holds from its bytes (whatever query Pagefind adds, as the ?ts= of an entry file), any
// other — or every one, when the pack could not be had or read — from the network as before.

/** The packs announced, by the absolute URL of their folder: the files each holds once fetched and decoded, by absolute URL. */
/** @type {Map<string, Promise<Map<string, Uint8Array>>>} */
const packs = new Map();

/** The URL a fetch() asks for, absolute. */
function urlOf(/** @type {RequestInfo | URL} */ input) {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(raw, location.href);
}

/** The page's own fetch(), once the pack-answering one is in its place (install). */
/** @type {typeof fetch | null} */
let network = null;

/** Puts the pack-answering fetch() in place of the page's, once; returns the page's own. */
function install() {
  if (network) return network;
  const own = globalThis.fetch.bind(globalThis);
  network = own;
  globalThis.fetch = (input, init) => {
    const url = urlOf(input);
    const file = url.origin + url.pathname;
    const pack = [...packs].find(([folder]) => file.startsWith(folder))?.[1];
    if (!pack) return own(input, init);
    return pack.then(
      (files) => {
        const bytes = files.get(file);
        return bytes ? new Response(/** @type {BodyInit} */ (bytes)) : own(input, init);
      },
      () => own(input, init),
    );
  };
  return own;
}

/**
 * A pack's bytes, unpacked, split into its files by the list in its first line (the one reader of
 * the format packs.ts writes; the build's tests read packs with it too). Throws, naming the pack,
 * when the bytes after the list are not as many as it lists.
 * @param {Uint8Array} all
 * @param {string} path the pack's path, for messages
 * @returns {[string, Uint8Array][]} each file's path (relative to the site root) and bytes, in order
 */
export function packedFiles(all, path) {
  const line = all.indexOf(0x0a);
  /** @type {[string, number][]} */
  const listed = JSON.parse(new TextDecoder().decode(all.subarray(0, line)));
  const whole = listed.reduce((n, [, length]) => n + length, 0);
  if (all.length - line - 1 !== whole) throw new Error(`${path}: ${all.length - line - 1} bytes unpacked after its list, ${whole} listed`);
  let at = line + 1;
  return listed.map(([file, length]) => {
    at += length;
    return [file, all.subarray(at - length, at)];
  });
}

/**
 * What the page calls to use a pack: announces it (requests under its folder are answered
 * from it from now on) and fetches it. `loadDecoder`: the decoder module (search/lzma.js), loaded once.
 * @param {URL} siteRoot
 * @param {(path: string) => Promise<{ decompress(bytes: Uint8Array): Uint8Array }>} loadDecoder
 */
export function packReader(siteRoot, loadDecoder) {
  /** @type {Promise<{ decompress(bytes: Uint8Array): Uint8Array }> | null} */
  let decoder = null;
  /** @param {{ path: string } | undefined} pack */
  return (pack) => {
    if (!pack?.path) return;
    const url = new URL(pack.path, siteRoot);
    const folder = new URL('.', url).href;
    if (packs.has(folder)) return;
    const fromNetwork = install();
    decoder ??= loadDecoder('search/lzma.js');
    const files = Promise.all([
      fromNetwork(url).then((r) => {
        if (!r.ok) throw new Error(`${r.status} fetching ${pack.path}`);
        return r.arrayBuffer();
      }),
      decoder,
    ]).then(([buffer, lzma]) => new Map(packedFiles(lzma.decompress(new Uint8Array(buffer)), pack.path).map(([file, bytes]) => [new URL(file, siteRoot).href, bytes])));
    // A pack that cannot be had is not an error of its own: each of its files is then fetched as it is.
    files.catch((err) => console.warn(`search: ${pack.path} not used (${err}); its files are fetched one by one`));
    packs.set(folder, files);
  };
}
