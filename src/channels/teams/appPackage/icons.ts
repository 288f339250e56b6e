import type { RgbaImage } from './png.js';

/** Two interlocking rings — two parties working together — as the app's mark. */
interface Ring {
  cx: number;
  cy: number;
  r: number;
  stroke: number;
}

type Rgb = readonly [number, number, number];

/** The accent colour (also `accentColor` in teams/manifest.json). */
export const ACCENT: Rgb = [0x1f, 0x5c, 0x8b];
const WHITE: Rgb = [255, 255, 255];

// 4×4 samples per pixel give smooth edges without a graphics library.
const SAMPLES = 4;

function coverage(x: number, y: number, rings: readonly Ring[]): number {
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = x + (sx + 0.5) / SAMPLES;
      const py = y + (sy + 0.5) / SAMPLES;
      if (rings.some((ring) => Math.abs(Math.hypot(px - ring.cx, py - ring.cy) - ring.r) <= ring.stroke / 2)) inside++;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

function draw(size: number, rings: readonly Ring[], background: Rgb | undefined): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, rings);
      const i = (y * size + x) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) pixels[i + c] = Math.round((WHITE[c] ?? 0) * a + (background[c] ?? 0) * (1 - a));
        pixels[i + 3] = 255;
      } else {
        pixels.set(WHITE, i);
        pixels[i + 3] = Math.round(255 * a);
      }
    }
  }
  return { width: size, height: size, pixels };
}

/** The colour icon Teams shows in the app store and chats: 192×192, white rings on the accent colour. */
export function colorIcon(): RgbaImage {
  return draw(192, [{ cx: 74, cy: 96, r: 42, stroke: 14 }, { cx: 118, cy: 96, r: 42, stroke: 14 }], ACCENT);
}

/** The outline icon for Teams' app bar: 32×32, white on a transparent background (Teams' rule). */
export function outlineIcon(): RgbaImage {
  return draw(32, [{ cx: 12.5, cy: 16, r: 7.5, stroke: 2.5 }, { cx: 19.5, cy: 16, r: 7.5, stroke: 2.5 }], undefined);
}
