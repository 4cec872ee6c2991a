// Draws Patella's app icons from our own logo (public/icon.svg: teal rounded square, white
// bent leg, yellow kneecap) and renders the PNGs the manifest lists, with Debian's Chromium
// through playwright-core (nothing new to install). Run once after changing the logo and
// commit the PNGs: the build copies them and needs no drawing tool.
// Usage: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../e2e/support/browser.mjs';

const out = new URL('../public/icons/', import.meta.url).pathname;
const LEG = '<path d="M20 6 30 31 22 58" fill="none" stroke="#ffffff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>';
const KNEECAP = '<ellipse cx="38" cy="30" rx="7" ry="9" fill="#f6c453"/>';

// "any": the logo as it is, corners transparent.
const plain = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="14" fill="#0b6e69"/>${LEG}${KNEECAP}</svg>`;
// Maskable and Apple: full-bleed teal, the drawing shrunk into the central safe zone
// (a circle of 80% of the width), since the platform cuts its own shape.
const fullBleed = (scale) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="#0b6e69"/>
  <g transform="translate(32 32) scale(${scale}) translate(-30 -32)">${LEG}${KNEECAP}</g></svg>`;

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: plain },
  { file: 'icon-512.png', size: 512, svg: plain },
  { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(0.72) },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(0.85) },
];

const browser = await launch();
try {
  mkdirSync(out, { recursive: true });
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const svg = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    writeFileSync(join(out, icon.file), png);
    console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} B`);
    await page.close();
  }
} finally {
  await browser.close();
}
