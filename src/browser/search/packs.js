// @ts-check
// Packs (src/search/packs.ts): some of Pagefind's files in one LZMA file, which the page
// fetches instead of them — a year's parts' metadata, Pagefind's WebAssembly. Online only:
// the offline mirror reads Pagefind's own files (offline-files.js).
//
// Pagefind fetches its files with the global fetch() and takes a file's bytes as they are
// when they begin with its signature, as a pack's do. So once a pack is announced (unpack),
// fetch() answers each file it holds from the pack, waiting for it if need be; any other
// request, or one whose pack could not be had or read, goes to the network as before.

/** The files packs answer for, by absolute URL: their bytes once the pack is fetched and decoded. */
/** @type {Map<string, Promise<Uint8Array>>} */
const packed = new Map();

/** The URL a fetch() asks for, absolute. */
function urlOf(/** @type {RequestInfo | URL} */ input) {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(raw, location.href).href;
}

let installed = false;

/** Puts the pack-answering fetch() in place of the page's, once. */
function install() {
  if (installed) return;
  installed = true;
  const network = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    const file = packed.get(urlOf(input));
    return file ? file.then((bytes) => new Response(/** @type {BodyInit} */ (bytes)), () => network(input, init)) : network(input, init);
  };
}

/**
 * What the page calls to use a pack: announces its files (they are answered from it from
 * now on) and fetches it. `loadDecoder`: the decoder module (search/lzma.js), loaded once.
 * @param {URL} siteRoot
 * @param {(path: string) => Promise<{ decompress(bytes: Uint8Array): Uint8Array }>} loadDecoder
 */
export function packReader(siteRoot, loadDecoder) {
  /** @type {Promise<{ decompress(bytes: Uint8Array): Uint8Array }> | null} */
  let decoder = null;
  /** @param {{ path: string, files: [string, number][] } | undefined} pack */
  return (pack) => {
    if (!pack?.files?.length || packed.has(new URL(pack.files[0][0], siteRoot).href)) return;
    install();
    decoder ??= loadDecoder('search/lzma.js');
    const whole = pack.files.reduce((n, [, length]) => n + length, 0);
    const bytes = Promise.all([
      fetch(new URL(pack.path, siteRoot)).then((r) => {
        if (!r.ok) throw new Error(`${r.status} fetching ${pack.path}`);
        return r.arrayBuffer();
      }),
      decoder,
    ]).then(([buffer, lzma]) => {
      const all = lzma.decompress(new Uint8Array(buffer));
      if (all.length !== whole) throw new Error(`${pack.path}: ${all.length} bytes unpacked, ${whole} listed`);
      return all;
    });
    bytes.catch((err) => console.warn(`search: ${pack.path} not used (${err}); its files are fetched one by one`));
    let at = 0;
    for (const [path, length] of pack.files) {
      const from = at;
      at += length;
      const file = bytes.then((all) => all.subarray(from, from + length));
      // A pack that cannot be had is not an error of its own: each of its files is then fetched as it is.
      file.catch(() => {});
      packed.set(new URL(path, siteRoot).href, file);
    }
  };
}
