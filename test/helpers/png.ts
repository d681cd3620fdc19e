/** Reading PNGs back in tests: size from the header, pixels decoded by resvg. */
import { createRequire } from 'node:module';
import { join } from 'node:path';

// resvg is a dependency of the viz package, not of the workspace root: load it from there.
const { Resvg } = createRequire(join(import.meta.dirname, '../../packages/viz/package.json'))(
  '@resvg/resvg-js',
) as {
  Resvg: new (svg: string, options?: object) => { render(): { pixels: Buffer } };
};

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  if (b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * What a PNG shows: the share of pixels that are not (near) white and the number of
 * distinct colours. Decoded by resvg, drawing the PNG as an image at its own size.
 */
export function pngContent(png: Uint8Array): { inked: number; colours: number } {
  const { width, height } = pngSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  const pixels = new Resvg(svg, { background: 'white' }).render().pixels;
  let inked = 0;
  const colours = new Set<number>();
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if (r < 235 || g < 235 || b < 235) inked++;
    if (colours.size < 5000) colours.add((r << 16) | (g << 8) | b);
  }
  return { inked: inked / (width * height), colours: colours.size };
}
