// Which TextMate scope should each entity type's semantic token fall back to? Searches sets of
// seven scopes, among scopes the built-in themes colour, for the set whose colours stay farthest
// apart (from each other and from prose) in every checked theme, and prints the best sets next to
// the mapping package.json holds now. Run after `npm run build` (it uses build/test/themes.js,
// the resolver test/unit/theme-colours.test.ts uses):
//
//   node scripts/theme-scopes.mjs [code-server prefix, default $ATTACHE_CODE_SERVER_DIR or .cache/code-server]
//
// The scopes are kept to ones that themes commonly colour, so that third-party themes also tell
// the types apart; scopes a theme shows as errors or comments (invalid, comment) are left out.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const { colorDistance, loadBuiltInThemes, proseColor, resolveScopes, themeDefaultsDir, tokenStyle } = require(path.join(ROOT, 'build', 'test', 'themes.js'));

const prefix = process.argv[2] ?? process.env.ATTACHE_CODE_SERVER_DIR ?? path.join(ROOT, '.cache', 'code-server');
const dir = themeDefaultsDir(prefix);
if (!dir) {
  console.error(`No code-server under ${prefix}: run scripts/install-code-server.sh or pass its prefix.`);
  process.exit(1);
}
const THEMES = ['Light Modern', 'Dark Modern', 'Light+', 'Dark+', 'Default High Contrast', 'Default High Contrast Light', 'Light 2026', 'Dark 2026'];
const themes = loadBuiltInThemes(dir).filter((t) => THEMES.includes(t.id));
const SCOPES = [
  'entity.name.function', 'support.function', 'entity.name.type', 'entity.name.tag', 'entity.other.attribute-name',
  'constant.numeric', 'constant.language', 'constant.character.escape', 'variable.other.constant', 'variable',
  'string', 'string.regexp', 'constant.regexp', 'keyword', 'keyword.control', 'storage.type',
  'markup.heading', 'markup.changed', 'markup.inserted', 'markup.deleted', 'meta.preprocessor.string',
];

// A candidate: a scope and its foreground in each theme (scopes that some theme leaves uncoloured are out).
const candidates = SCOPES.map((scope) => ({ scope, colours: themes.map((t) => resolveScopes(t, [scope])?.foreground) }))
  .filter((c) => c.colours.every(Boolean));
const fromProse = (c) => Math.min(...themes.map((t, i) => colorDistance(c.colours[i], proseColor(t))));
const apart = (a, b) => Math.min(...themes.map((_, i) => colorDistance(a.colours[i], b.colours[i])));

// Depth-first over 7-subsets, pruning any branch that cannot beat the fifth best found so far.
const best = [];
const keep = 5;
function search(start, chosen, worst) {
  if (chosen.length === 7) {
    best.push({ worst, scopes: chosen.map((c) => c.scope) });
    best.sort((a, b) => b.worst - a.worst);
    best.length = Math.min(best.length, keep);
    return;
  }
  const bar = best.length === keep ? best[keep - 1].worst : 0;
  for (let i = start; i < candidates.length; i++) {
    const c = candidates[i];
    const w = Math.min(worst, fromProse(c), ...chosen.map((o) => apart(o, c)));
    if (w > bar) search(i + 1, [...chosen, c], w);
  }
}
search(0, [], Infinity);

console.log(`Themes: ${themes.map((t) => t.id).join(', ')}`);
console.log('Best sets of seven scopes (the smallest ΔE*ab between two types, or a type and prose, in any theme):');
for (const b of best) console.log(`  ${b.worst.toFixed(1)}  ${b.scopes.join(', ')}`);

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes;
const types = pkg.semanticTokenTypes.map((t) => t.id);
console.log('\nNow in package.json:');
for (const t of themes) {
  const colours = types.map((type) => tokenStyle(t, pkg, type, [], 'diplomatic-article').foreground);
  let worst = Math.min(...colours.map((c) => colorDistance(c, proseColor(t))));
  colours.forEach((a, i) => colours.slice(0, i).forEach((b) => (worst = Math.min(worst, colorDistance(a, b)))));
  console.log(`  ${t.id.padEnd(28)} ${worst.toFixed(1).padStart(5)}  prose ${proseColor(t)}  ${types.map((type, i) => `${type} ${colours[i]}`).join(', ')}`);
}
