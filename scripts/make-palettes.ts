/**
 * `npm run make:palettes`: writes lib/charts/palettes.ts, the heatmaps' colour ramps sampled from
 * d3-scale-chromatic. Run it after upgrading d3-scale-chromatic; lib/charts/palettes.test.ts fails
 * until the file matches d3 again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RAMP_STEPS, RAMPS, sampleRamp } from './lib/palette-ramps';

const PER_LINE = 16;

function constant(name: string, colours: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < colours.length; i += PER_LINE) {
    lines.push(`  '${colours.slice(i, i + PER_LINE).join('')}',`);
  }
  return `export const ${name} = [\n${lines.join('\n')}\n].join('');\n`;
}

const header = `/**
 * The heatmaps' colour ramps from d3-scale-chromatic (cividis, purple–orange), sampled at
 * PALETTE_STEPS evenly spaced points as 6 hex digits each. Written by \`npm run make:palettes\`; do
 * not edit by hand. Client heatmaps read these instead of shipping d3's colour code (d3-color and
 * d3-interpolate, about 10 KB gzipped per heatmap page). palettes.test.ts checks every step against d3 itself.
 */

/** Points per ramp. */
export const PALETTE_STEPS = ${RAMP_STEPS};
`;

const body = Object.entries(RAMPS)
  .map(([name, ramp]) => constant(name, sampleRamp(ramp)))
  .join('\n');
const file = path.join(process.cwd(), 'lib', 'charts', 'palettes.ts');
writeFileSync(file, `${header}\n${body}`);
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
