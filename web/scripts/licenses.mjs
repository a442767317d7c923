// Writes public/licenses.txt (copied into dist/ by Vite): the licence texts
// of the npm packages whose code or data is bundled into the dashboard.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundled = ['d3-array', 'd3-dispatch', 'd3-force', 'd3-geo', 'd3-quadtree', 'd3-timer', 'internmap', 'topojson-client', 'world-atlas'];
let out = 'Third-party software and data bundled into the eventwire dashboard.\n' +
  'The world map shapes (world-atlas countries-110m) are derived from Natural Earth, which is in the public domain.\n';
for (const name of bundled) {
  const dir = path.join(web, 'node_modules', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const lic = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  out += `\n${'='.repeat(72)}\n${pkg.name} ${pkg.version} (${pkg.license})\n${'='.repeat(72)}\n`;
  out += lic ? fs.readFileSync(path.join(dir, lic), 'utf8').trim() + '\n' : '(no licence file shipped)\n';
}
fs.writeFileSync(path.join(web, 'public', 'licenses.txt'), out);
