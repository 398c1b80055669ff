/**
 * How every picture is encoded.
 *
 * Share cards: a palette PNG written here from palette indices, 2 bits a
 * pixel (4 colours), deflated by Node's zlib. Neither sharp nor a JS encoder
 * does this as cheaply: sharp's palette output (`png({ palette: true,
 * colours: 4 })`, which does write 2-bit PNGs) runs libimagequant on every
 * card, ~7 ms for a 600×315 card; fast-png (2-bit palettes too) writes byte
 * by byte and deflates in JS, ~2.8 ms and ~5 % more bytes, against ~0.9 ms
 * here (measured on one card, 50 runs, load 11, 2 cores). The format is four
 * chunks (PNG spec, ISO/IEC 15948): IHDR, PLTE, IDAT, IEND; every row
 * unfiltered (filters only cost bytes on 4-colour text art).
 *
 * Icons: SVG → PNG by sharp, palette quantised (16 colours, no dithering).
 * Neither writes metadata, so equal pixels give equal bytes.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp, { type PngOptions } from 'sharp';

export type Rgb = readonly [number, number, number];

/**
 * zlib levels of palette PNGs: 6 by default; 9 costs ~3.6 ms more a card for
 * 5 % fewer bytes, 4 saves 0.2 ms for 4 % more (the 348 seed cards, load 16).
 */
export const DEFLATE_LEVEL = { usual: 6, smallest: 9 } as const;

export const PNG_OPTIONS = {
  palette: true,
  colours: 16,
  dither: 0,
  effort: 1,
  compressionLevel: 6,
  adaptiveFiltering: false,
} as const satisfies PngOptions;

/** Everything besides the drawing code and fonts that decides a picture's bytes: part of every cache key. */
export function rendererFingerprint(): string {
  const { sharp: sharpVersion, vips, rsvg, pango, harfbuzz, freetype, fontconfig, cairo } = sharp.versions as Record<string, string | undefined>;
  return JSON.stringify({ sharpVersion, vips, rsvg, pango, harfbuzz, freetype, fontconfig, cairo, zlib: process.versions.zlib, png: PNG_OPTIONS, deflate: DEFLATE_LEVEL });
}

/** SVG → PNG at the SVG's own size, alpha flattened onto `background` when given. */
export async function svgToPng(svg: string, background?: string): Promise<Buffer> {
  const image = sharp(Buffer.from(svg), { density: 72 });
  return (background ? image.flatten({ background }) : image).png(PNG_OPTIONS).toBuffer();
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bits a pixel for a palette of `colours` entries: 1, 2, 4 or 8. */
export function bitDepth(colours: number): 1 | 2 | 4 | 8 {
  if (colours < 1 || colours > 256) throw new RangeError(`palette PNG: ${colours} colours (1–256)`);
  return colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8;
}

/** Bytes of one PNG scanline of a palette image: the filter byte, then the packed indices. */
export function scanlineBytes(width: number, colours: number): number {
  return 1 + Math.ceil((width * bitDepth(colours)) / 8);
}

/**
 * A palette PNG from its scanlines: per row, filter type 0 (none) and the
 * palette indices packed at bitDepth(palette.length) bits, high bits first.
 * The caller packs them: the card painter keeps its picture packed, so that
 * a card costs work only where its text is.
 */
export function palettePng(width: number, height: number, palette: readonly Rgb[], scanlines: Uint8Array, level: number = DEFLATE_LEVEL.usual): Buffer {
  const depth = bitDepth(palette.length);
  if (scanlines.length !== scanlineBytes(width, palette.length) * height) {
    throw new RangeError(`palette PNG: ${scanlines.length} bytes of scanlines for ${width}×${height} pixels at ${depth} bits`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, 3, 0, 0, 0], 8); // bit depth, colour type 3 (palette), deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', deflateSync(scanlines, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
