/**
 * How every picture is encoded. Palette PNG: share cards are flat colours and
 * anti-aliased text, so 16 colours keep them sharp at about a third of the
 * bytes of a full-colour PNG. No dithering (it is noise, and costs bytes);
 * sharp writes no metadata unless asked, so equal pixels give equal bytes.
 */
import sharp, { type PngOptions } from 'sharp';

export const PNG_OPTIONS = {
  palette: true,
  colours: 16,
  dither: 0,
  effort: 1,
  compressionLevel: 6,
  adaptiveFiltering: false,
} as const satisfies PngOptions;

/** Everything besides the SVG that decides a picture's bytes: part of every cache key. */
export function rendererFingerprint(): string {
  return JSON.stringify({ sharp: sharp.versions.sharp, vips: sharp.versions.vips, rsvg: sharp.versions.rsvg, png: PNG_OPTIONS });
}

/** SVG → PNG at the SVG's own size, alpha flattened onto `background` when given. */
export async function svgToPng(svg: string, background?: string): Promise<Buffer> {
  const image = sharp(Buffer.from(svg), { density: 72 });
  return (background ? image.flatten({ background }) : image).png(PNG_OPTIONS).toBuffer();
}
