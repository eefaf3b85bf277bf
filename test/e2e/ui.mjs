// Browser end-to-end test: a person's path through Attaché in VS Code (code-server, driven by
// Debian's headless Chromium through playwright-core), with the packaged VSIX installed the way a
// user installs it. Open an article, see entities highlighted, hover an official, F12 to the
// registry, read the planted problems in the Problems panel, apply a quick fix from the light
// bulb. A PNG screenshot per step goes to artifacts/e2e/. Ends with "N passed, N failed".
// The entity colours are checked as rendered in Light Modern and Dark Modern; their screenshots
// go to docs/images/theme-light.png and theme-dark.png (shown in the README). "Import from
// Wikidata…" searches a local replay of the Wikidata API (test/e2e/wikidata-replay.mjs) and its
// picker of matches goes to docs/images/wikidata-picker.png. The timeline view is checked on the
// planted office error (docs/images/timeline-light.png and timeline-dark.png),
// and opened from a person's hover card.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startWikidataReplay } from './wikidata-replay.mjs';
import { T0, CODE_SERVER_ENTRY, log, sleep, makeUserDataDir, installVsix, startCodeServer, launchBrowser, waitForWorkbench } from '../vscode-harness/lib.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const vsix = path.resolve(process.argv[2] ?? path.join(ROOT, 'attache.vsix'));
const OUT = path.join(ROOT, 'artifacts', 'e2e');
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
const STATE = path.join(OUT, 'state');
const userDataDir = makeUserDataDir(path.join(STATE, 'user-data'), { 'editor.semanticHighlighting.enabled': true, 'workbench.colorTheme': 'Default Dark Modern' });
const extensionsDir = path.join(STATE, 'extensions');
fs.mkdirSync(extensionsDir, { recursive: true });
const folder = path.join(STATE, 'samples');
fs.cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
const csLog = path.join(OUT, 'code-server.log');

const results = [];
let shot = 0;
let page;
async function screenshot(name) {
  const file = path.join(OUT, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
}
async function step(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - t, detail });
    log(`PASS ${name}`, detail ?? '');
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t, error: String(e?.message ?? e) });
    log(`FAIL ${name}: ${e?.message ?? e}`);
    await page?.screenshot({ path: path.join(OUT, `failure-${String(shot + 1).padStart(2, '0')}.png`) }).catch(() => {});
  }
}

async function openFile(name) {
  const active = page.locator('.tabs-container .tab.active', { hasText: name });
  for (let attempt = 0; attempt < 3; attempt++) {
    // Quick open first; its keystrokes can be lost while a peek or a panel holds the focus, so
    // the Explorer (expanding the folder if needed) is the second way.
    try {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 5000 });
      await page.keyboard.press('Enter');
      await active.waitFor({ timeout: 5000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
    try {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
      if (!(await row.isVisible())) {
        const folder = name.endsWith('.yaml') ? 'registry' : 'articles';
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^\\s*${folder}\\s*$`) }).first().click();
      }
      await row.click({ timeout: 5000 });
      await active.waitFor({ timeout: 5000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`could not open ${name}`);
}

/** Screen box of a word in the visible editor lines. */
async function wordBox(word) {
  return page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((root, w) => {
    for (const el of root.querySelectorAll('.view-line')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent.replace(/\u00a0/g, ' ');
        const i = text.indexOf(w);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + w.length);
          const b = r.getBoundingClientRect();
          return { x: b.x + Math.min(b.width / 2, 20), y: b.y + b.height / 2, color: getComputedStyle(n.parentElement).color };
        }
      }
    }
    return null;
  }, word);
}

async function placeCursorOn(word) {
  const sel = page.locator('.statusbar-item[id="status.editor.selection"]');
  for (let i = 0; i < 5; i++) {
    const box = await wordBox(word);
    if (!box) throw new Error(`"${word}" is not visible in the editor`);
    await page.mouse.click(box.x, box.y, { delay: 30 });
    await sleep(250);
    const txt = (await sel.innerText().catch(() => '')).trim();
    if (/Col (\d+)/.test(txt) && Number(/Col (\d+)/.exec(txt)[1]) > 1) return txt;
  }
  throw new Error(`could not place the cursor on "${word}"`);
}

/** The colour of the text at the start of `word` in the editor, as `#rrggbb`. */
async function textColor(word) {
  const box = await wordBox(word);
  if (!box) return undefined;
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(box.color);
  return m ? `#${m.slice(1, 4).map((x) => Number(x).toString(16).padStart(2, '0')).join('')}` : box.color;
}

// One mention of each entity type in qatar-japan-defense.article, and a piece of prose.
const MENTIONS = {
  person: 'Hayashi Mitsuko',
  organization: 'Qatar Armed Forces',
  country: 'Bahrain',
  place: 'Indo-Pacific',
  office: 'Deputy Prime Minister',
  namedEvent: 'second Strategic Dialogue',
  date: 'September 29',
};
const PROSE = 'officials from both sides';

/** Picks a colour theme as a user does: F1, "Preferences: Color Theme", the theme's name. */
async function pickTheme(label) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 0; ; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } }).catch(() => {});
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill('>Preferences: Color Theme');
      // Click the command itself: Enter could take "Browse Color Themes in Marketplace".
      const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).filter({ hasNotText: 'Browse' }).first();
      await command.click({ timeout: 5000 });
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      await row.waitFor({ timeout: 5000 });
      await input.fill(label);
      await row.click({ timeout: 5000 });
      await input.waitFor({ state: 'hidden', timeout: 5000 });
      return;
    } catch (e) {
      if (attempt === 2) throw new Error(`could not pick the theme ${label}: ${e.message}`);
    }
  }
}

/**
 * Switches the colour theme (pickTheme), waits until the mentions show the colours the theme
 * gives Attaché's token types (computed from the theme files by test/themes.ts, as the unit test
 * does), and screenshots the editor.
 */
async function checkThemeColours(themeId, image) {
  const require = createRequire(import.meta.url);
  const themes = require(path.join(ROOT, 'build', 'test', 'themes.js'));
  // code-server's out/node/entry.js; the themes are in its lib/vscode/extensions/theme-defaults.
  const dir = path.resolve(CODE_SERVER_ENTRY, '..', '..', '..', 'lib', 'vscode', 'extensions', 'theme-defaults');
  const theme = themes.loadBuiltInThemes(dir).find((t) => t.id === themeId);
  if (!theme) throw new Error(`no theme "${themeId}" in ${dir}`);
  const contributions = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes;
  const expected = Object.fromEntries(Object.keys(MENTIONS).map((t) => [t, themes.tokenStyle(theme, contributions, t, [], 'diplomatic-article').foreground]));
  expected.prose = themes.proseColor(theme);

  await pickTheme(themeId);
  const deadline = Date.now() + 30000;
  let seen;
  for (;;) {
    seen = { prose: await textColor(PROSE) };
    for (const [type, text] of Object.entries(MENTIONS)) seen[type] = await textColor(text);
    if (Object.keys(expected).every((k) => seen[k] === expected[k])) break;
    if (Date.now() > deadline) {
      const diff = Object.keys(expected).filter((k) => seen[k] !== expected[k]).map((k) => `${k} ${seen[k]} (expected ${expected[k]})`);
      throw new Error(`${themeId}: ${diff.join(', ')}`);
    }
    await sleep(250);
  }
  // What the issue was about, asserted on the rendered page itself.
  if (seen.person === seen.prose) throw new Error(`${themeId}: persons have the prose colour ${seen.prose}`);
  if (seen.person === seen.organization) throw new Error(`${themeId}: persons and organizations share ${seen.person}`);
  const colours = Object.values(seen);
  if (new Set(colours).size !== colours.length) throw new Error(`${themeId}: colours repeat: ${JSON.stringify(seen)}`);
  await page.mouse.move(5, 5);
  await page.locator('.part.editor').screenshot({ path: path.join(ROOT, 'docs', 'images', image) });
  await screenshot(`theme-${themeId.replace(/\W+/g, '-').toLowerCase()}`);
  return Object.entries(seen).map(([k, v]) => `${k} ${v}`).join(', ');
}

let server;
let browser;
let wikidata;
const consoleLines = [];
try {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package first`);
  await installVsix({ vsix, userDataDir, extensionsDir, logFile: csLog });
  // The language server's Wikidata API: a local replay of the fixtures (the import step).
  wikidata = await startWikidataReplay();
  server = await startCodeServer({ userDataDir, extensionsDir, folder, logFile: csLog, env: { ATTACHE_WIKIDATA_API: wikidata.url } });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  // A loaded machine can take more than the default 30 s to serve the workbench.
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { timeout: 120000 });
  await waitForWorkbench(page, { fileInExplorer: 'articles' });

  await step('open an article: language mode and entity highlighting', async () => {
    await openFile('qatar-japan-defense.article');
    await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: 'Diplomatic article' }).waitFor({ timeout: 20000 });
    // Semantic tokens colour a person differently from plain prose once the server has answered.
    const deadline = Date.now() + 30000;
    let person;
    let plain;
    for (;;) {
      person = await wordBox('Hayashi Mitsuko');
      plain = await wordBox('officials from both sides');
      if (person && plain && person.color !== plain.color) break;
      if (Date.now() > deadline) throw new Error(`no highlighting: person ${person?.color}, prose ${plain?.color}`);
      await sleep(250);
    }
    await screenshot('article-highlighted');
    return `person ${person.color}, prose ${plain.color}`;
  });

  await step('entity colours in Light Modern: each type its own colour, apart from prose', () =>
    checkThemeColours('Light Modern', 'theme-light.png'));

  await step('entity colours in Dark Modern: each type its own colour, apart from prose', () =>
    checkThemeColours('Dark Modern', 'theme-dark.png'));

  await step('hover an official: the card names the office held at that date', async () => {
    await openFile('japan-germany-dialogue.article');
    // Through `hoverOn`: the first hover of a run, just after the article opened, did not show
    // once in CI (the server had answered: highlighting and diagnostics were there), so the mouse
    // leaves and comes back once before the step fails, as in the other hover steps.
    const text = (await hoverOn('Johann Wadephul', 'Wadephul')).text.replace(/\s+/g, ' ').trim();
    if (!/Federal Minister for Foreign Affairs of Germany/.test(text)) throw new Error(`hover was ${JSON.stringify(text)}`);
    await screenshot('hover-card');
    return text.slice(0, 120);
  });

  await step('F12 goes to the entity in the registry', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await placeCursorOn('Johann Wadephul');
    await page.keyboard.press('F12');
    await page.locator('.tabs-container .tab.active', { hasText: 'persons.yaml' }).waitFor({ timeout: 20000 });
    const line = await page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: 'id: johann-wadephul' }).first();
    await line.waitFor({ timeout: 10000 });
    await screenshot('registry-definition');
    return (await page.locator('.statusbar-item[id="status.editor.selection"]').innerText()).trim();
  });

  await step('the Problems panel lists the planted problems', async () => {
    await openFile('qatar-japan-defense.article');
    await page.keyboard.press('Control+Shift+M');
    // Every article's problems are listed without opening it (attache.diagnostics.scope): a row of
    // an article never opened shows (which one is in view depends on the panel's order and the
    // number of problems); the panel's filter then narrows the list to this article's.
    await page.locator('.markers-panel .monaco-list-row', { hasText: /(nato-japan-partnership|riyadh-press-briefing|tokyo-briefing|gulf-maritime-talks)\.article/ }).first().waitFor({ state: 'visible', timeout: 30000 });
    await page.getByPlaceholder(/^Filter \(e\.g\./).filter({ visible: true }).first().fill('qatar-japan-defense');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Hayashi Yoshimasa was Minister for Foreign Affairs of Japan' }).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Deputy Prime Minister of Qatar' }).first().waitFor({ timeout: 10000 });
    await screenshot('problems-panel');
    const rows = await page.locator('.markers-panel .monaco-list-row').count();
    return `${rows} rows`;
  });

  await step('a quick fix from the light bulb deletes the duplicated run', async () => {
    await openFile('japan-germany-dialogue.article');
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':22');
    await page.keyboard.press('Enter');
    await sleep(300);
    const before = await page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: 'The talks were led by Japanese Foreign Minister' }).count();
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row, .context-view .action-widget li', { hasText: /Delete/ }).first();
    await item.waitFor({ state: 'visible', timeout: 20000 });
    await screenshot('light-bulb');
    await item.click();
    const deadline = Date.now() + 15000;
    let after = before;
    while (Date.now() < deadline) {
      after = await page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: 'The talks were led by Japanese Foreign Minister' }).count();
      if (after < before) break;
      await sleep(200);
    }
    if (!(after < before)) throw new Error(`the run is still there (${before} → ${after})`);
    await screenshot('quick-fix-applied');
    return `${before} → ${after} copies`;
  });

  // Notes and the context menu, on the sample whose sidecar has one annotation of each kind.
  /** Rests the mouse on `word` until a hover containing `expect` shows; returns the word's box and all hover text. */
  async function hoverOn(word, expect) {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    const box = await wordBox(word);
    if (!box) throw new Error(`"${word}" is not visible in the editor`);
    const wanted = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: expect }).first();
    // A hover answered while the article's analysis was still catching up (just opened, or just
    // edited by the step before) is not asked again by VS Code: the mouse leaves and comes back
    // once, as a user would, before the step fails.
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(box.x - 40, box.y + 80);
      await page.mouse.move(box.x, box.y, { steps: 5 });
      try {
        await wanted.waitFor({ state: 'visible', timeout: attempt ? 15000 : 10000 });
        break;
      } catch (e) {
        if (attempt) throw e;
        console.log(`   (hover on "${word}" showed ${JSON.stringify((await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').allInnerTexts()).join(' | ').slice(0, 200))}; hovering again)`);
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      }
    }
    return { box, text: (await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').allInnerTexts()).join('\n') };
  }
  /** Right-clicks at `box` and returns the Attaché items of the context menu. */
  async function menuAt(box) {
    await page.mouse.click(box.x, box.y, { button: 'right' });
    const items = page.locator('.monaco-menu .action-item .action-label');
    await items.first().waitFor({ state: 'visible', timeout: 10000 });
    const labels = (await items.allInnerTexts()).map((x) => x.trim());
    await screenshot('context-menu');
    await page.keyboard.press('Escape');
    // The editor saw the right button go down but not up (the menu had it): a click back into the
    // text, as a user makes, ends that press so that hovers show again.
    await page.mouse.click(box.x, box.y);
    return labels.filter((x) => ATTACHE_ITEMS.includes(x));
  }
  const ATTACHE_ITEMS = ['Link Selection to Entity…', 'Mark Selection as Not an Entity', 'Add Note to Selection…', 'Tag Selection…', 'Correct Date Value…', 'Remove Annotation'];
  const sameItems = (got, want) => JSON.stringify(got) === JSON.stringify(ATTACHE_ITEMS.filter((x) => want.includes(x)));

  await step('a note shows once in the hover', async () => {
    await openFile('riyadh-press-briefing.article');
    const note = "Kishida's July 2023 visit to Saudi Arabia";
    const { text } = await hoverOn('agreed', 'Note:');
    const count = text.split(note).length - 1;
    if (count !== 1) throw new Error(`the note shows ${count} times: ${JSON.stringify(text)}`);
    await screenshot('hover-note');
    return text.replace(/\s+/g, ' ').slice(0, 120);
  });

  await step('the context menu offers the annotation commands that apply where you right-click', async () => {
    await openFile('riyadh-press-briefing.article');
    const seen = {};
    // Right-clicks where the mouse rests, the cursor elsewhere (first on the annotated headline
    // word, then on the date): the first menu must already be right.
    await placeCursorOn('Tokyo');
    const onDate = await menuAt((await hoverOn('Thursday', 'Thursday')).box);
    if (!sameItems(onDate, ['Add Note to Selection…', 'Tag Selection…', 'Correct Date Value…'])) throw new Error(`on a date: ${onDate.join(' | ')}`);
    seen.date = onDate;
    const onNote = await menuAt((await hoverOn('agreed', 'Note:')).box);
    if (!sameItems(onNote, ['Add Note to Selection…', 'Tag Selection…', 'Remove Annotation'])) throw new Error(`on a noted word: ${onNote.join(' | ')}`);
    seen.note = onNote;
    // A selection of plain text: link and not-entity, nothing for dates or annotations. The keys
    // follow the selection through the extension host: retried until they have.
    const box = await wordBox('travellers');
    if (!box) throw new Error('"travellers" is not visible');
    let onText = [];
    for (let attempt = 0; attempt < 5 && !sameItems(onText, ['Link Selection to Entity…', 'Mark Selection as Not an Entity', 'Add Note to Selection…', 'Tag Selection…']); attempt++) {
      await page.mouse.dblclick(box.x, box.y);
      await sleep(300);
      onText = await menuAt(box);
    }
    if (!sameItems(onText, ['Link Selection to Entity…', 'Mark Selection as Not an Entity', 'Add Note to Selection…', 'Tag Selection…'])) throw new Error(`on selected text: ${onText.join(' | ')}`);
    seen.text = onText;
    return JSON.stringify(seen);
  });

  await step('Import from Wikidata: the picker shows each match with its description and the positions it held', async () => {
    const input = page.locator('.quick-input-widget input');
    const widget = page.locator('.quick-input-widget');
    // F1, the command, then a name in its input box (the server searches the local replay).
    for (let attempt = 0; ; attempt++) {
      try {
        await page.keyboard.press('Escape');
        await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } }).catch(() => {});
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 5000 });
        await input.fill('>Attaché: Import from Wikidata');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Import from Wikidata…' }).first().click({ timeout: 5000 });
        await widget.filter({ hasText: 'Import from Wikidata' }).filter({ hasText: 'Item ids or URLs' }).waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt === 2) throw new Error(`could not run Import from Wikidata: ${e.message}`);
      }
    }
    await input.fill('Abe');
    await page.keyboard.press('Enter');
    await widget.filter({ hasText: "Wikidata items named 'Abe'" }).waitFor({ timeout: 30000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.nth(1).waitFor({ timeout: 10000 });
    const items = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const want = [
      ['Abe', 'Q21496446', 'no positions held on Wikidata'],
      ['Shinzo Abe', 'Q132345 · Prime Minister of Japan (2006–2007, 2012–2020)', 'Prime Minister of Japan (2006–2007); Prime Minister of Japan (2012–2020)'],
    ];
    if (items.length !== want.length || !want.every((parts, i) => parts.every((x) => items[i].includes(x)))) throw new Error(`picker items: ${JSON.stringify(items)}`);
    // The official highlighted, as a user about to pick them sees it (the mouse away from the
    // picker, whose title would otherwise be hidden under a tooltip); the window above the panel.
    await page.mouse.move(20, (page.viewportSize()?.height ?? 900) - 20);
    await page.keyboard.press('ArrowDown');
    await sleep(600);
    const panel = await page.locator('.part.panel').boundingBox().catch(() => null);
    const width = page.viewportSize()?.width ?? 1400;
    await page.screenshot({ path: path.join(ROOT, 'docs', 'images', 'wikidata-picker.png'), clip: { x: 0, y: 0, width, height: Math.max(300, Math.round(panel?.y ?? 560)) } });
    await screenshot('wikidata-picker');
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'Imported from Wikidata' }).first().waitFor({ timeout: 30000 });
    const toast = (await page.locator('.notifications-toasts', { hasText: 'Imported from Wikidata' }).first().innerText()).replace(/\s+/g, ' ');
    await screenshot('wikidata-imported');
    return `${items.join(' | ')} → ${toast.slice(0, 160)}; API requests: ${wikidata.requests.join(', ')}`;
  });

  // The timeline view (a webview): the planted office error of qatar-japan-defense.article is a
  // conflict marker outside Hayashi Yoshimasa's bar; clicking it lands on the sentence.
  /** Runs a command from the command palette by its label. */
  async function runCommand(label) {
    const input = page.locator('.quick-input-widget input');
    await page.keyboard.press('Escape');
    await page.locator('.monaco-workbench .part.editor .editor-group-container').first().click({ position: { x: 200, y: 200 } }).catch(() => {});
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5000 });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click({ timeout: 10000 });
    await input.waitFor({ state: 'hidden', timeout: 5000 });
  }
  /** The timeline webview's document (code-server nests it in two iframes). */
  const timelineFrame = () => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await step('the timeline shows the planted office error outside the holder\'s bar; a click lands on the sentence', async () => {
    await openFile('qatar-japan-defense.article');
    // The earlier Wikidata import leaves a toast: not part of the picture.
    await runCommand('Notifications: Clear All Notifications').catch(() => page.keyboard.press('Escape'));
    await runCommand('Attaché: Show Timeline');
    const frame = timelineFrame();
    const marker = frame.locator('g.marker.conflict[data-entity="hayashi-yoshimasa"][data-row="japan-foreign-minister"]');
    await marker.waitFor({ state: 'visible', timeout: 30000 });
    const bar = frame.locator('g.span.tenure[data-entity="hayashi-yoshimasa"][data-row="japan-foreign-minister"] .shape');
    const m = await marker.locator('.dot').boundingBox();
    const b = await bar.boundingBox();
    if (!m || !b) throw new Error('marker or bar not drawn');
    if (!(m.x > b.x + b.width || m.x + m.width < b.x)) throw new Error(`the marker ${m.x}..${m.x + m.width} is inside the bar ${b.x}..${b.x + b.width}`);
    const title = await marker.locator('title').textContent();
    if (!/Hayashi Yoshimasa was Minister for Foreign Affairs of Japan from 2021-11-10 to 2023-09-13/.test(title ?? '')) throw new Error(`marker title: ${title}`);
    const listed = await frame.locator('#list button.conflict', { hasText: 'Hayashi Yoshimasa as Minister for Foreign Affairs of Japan' }).count();
    if (listed !== 1) throw new Error(`the list has ${listed} entries for the conflict`);
    // Room for the picture: no side bar, no panel (the chart redraws at its new width).
    await runCommand('View: Close Primary Side Bar').catch(() => page.keyboard.press('Escape'));
    await runCommand('View: Hide Panel').catch(() => page.keyboard.press('Escape'));
    await frame.locator('#timeline-svg[width]').evaluate((el) => new Promise((resolve) => {
      const deadline = Date.now() + 5000;
      const check = () => (Number(el.ownerDocument.getElementById('timeline-svg')?.getAttribute('width')) > 600 || Date.now() > deadline ? resolve(undefined) : setTimeout(check, 100));
      check();
    }));
    await page.mouse.move(5, 5);
    await page.locator('.part.editor').screenshot({ path: path.join(ROOT, 'docs', 'images', 'timeline-dark.png') });
    await screenshot('timeline-dark');
    await pickTheme('Light Modern');
    // The webview takes the theme's colours from VS Code's CSS variables once the theme applies.
    const light = async () => frame.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
    const deadline = Date.now() + 15000;
    while (!/rgb\(25[0-5], 25[0-5], 25[0-5]\)/.test(await light()) && Date.now() < deadline) await sleep(200);
    await page.mouse.move(5, 5);
    await page.locator('.part.editor').screenshot({ path: path.join(ROOT, 'docs', 'images', 'timeline-light.png') });
    await screenshot('timeline-light');
    // A click on the marker opens the article at the sentence (line 6) with the mention selected.
    await marker.locator('.dot').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'qatar-japan-defense.article' }).filter({ hasNotText: 'Timeline' }).waitFor({ timeout: 10000 });
    const sel = page.locator('.statusbar-item[id="status.editor.selection"]');
    const deadline2 = Date.now() + 10000;
    let status = '';
    while (Date.now() < deadline2) {
      status = (await sel.innerText().catch(() => '')).trim();
      if (/Ln 6,/.test(status) && /selected/.test(status)) break;
      await sleep(200);
    }
    if (!/Ln 6,/.test(status) || !/selected/.test(status)) throw new Error(`after the click the selection is "${status}"`);
    await screenshot('timeline-clicked');
    // The wheel and the buttons zoom: "+" doubles the bar's width, "Fit" restores it.
    const width = async () => (await bar.boundingBox())?.width ?? 0;
    const w0 = await width();
    await frame.locator('#zoom-in').click();
    const w1 = await width();
    if (!(w1 > w0 * 1.8)) throw new Error(`zoom in: the bar went from ${w0} to ${w1} px`);
    await frame.locator('#zoom-fit').click();
    const w2 = await width();
    if (Math.abs(w2 - w0) > 1) throw new Error(`fit: the bar is ${w2} px, was ${w0}`);
    // The keyboard does what the mouse does: the other role conflict of the sentence (the Deputy
    // Prime Minister) takes the focus, Enter selects its mention, further along line 6.
    await frame.locator('g.marker.conflict[data-row="qatar-deputy-prime-minister"]').focus();
    await page.keyboard.press('Enter');
    const deadline3 = Date.now() + 10000;
    let status2 = status;
    while (Date.now() < deadline3) {
      status2 = (await sel.innerText().catch(() => '')).trim();
      if (status2 !== status && /Ln 6,/.test(status2) && /selected/.test(status2)) break;
      await sleep(200);
    }
    if (status2 === status || !/Ln 6,.*selected/.test(status2)) throw new Error(`after Enter on the marker the selection is "${status2}"`);
    return `marker at x ${Math.round(m.x)}, bar ${Math.round(b.x)}..${Math.round(b.x + b.width)}; click: ${status}; Enter: ${status2}; zoom ${Math.round(w0)} → ${Math.round(w1)} → ${Math.round(w2)} px`;
  });

  await step('the timeline\'s SVG button saves the image through the save dialog', async () => {
    const target = path.join(folder, 'timeline.svg');
    fs.rmSync(target, { force: true });
    await timelineFrame().locator('#export-svg').click();
    // code-server's save dialog is a quick input holding the proposed path.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15000 });
    // The dialog opens on a folder and fills in the proposed name a moment later (seen at load 15).
    let proposed = '';
    for (const until = Date.now() + 10000; Date.now() < until; await sleep(200)) {
      proposed = await input.inputValue();
      if (proposed.endsWith('timeline.svg')) break;
    }
    if (!proposed.endsWith('timeline.svg')) throw new Error(`the dialog proposes ${proposed}`);
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 15000;
    while (!fs.existsSync(target) && Date.now() < deadline) await sleep(200);
    if (!fs.existsSync(target)) throw new Error(`${target} was not written`);
    const svg = fs.readFileSync(target, 'utf8');
    if (!/^<\?xml[\s\S]*<svg [\s\S]*data-code="role-conflict"[\s\S]*<\/svg>\s*$/.test(svg)) throw new Error(`not the timeline SVG: ${svg.slice(0, 200)}`);
    return `${svg.length} bytes`;
  });

  await step('"Show on timeline" in a person\'s hover card shows all their roles and dated mentions', async () => {
    const { text } = await hoverOn('Hayashi Yoshimasa', 'Show on timeline');
    if (!/Show on timeline/.test(text)) throw new Error(`hover was ${JSON.stringify(text)}`);
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Show on timeline' }).first().click({ timeout: 10000 });
    const frame = timelineFrame();
    await frame.locator('#title', { hasText: 'Timeline of Hayashi Yoshimasa' }).waitFor({ timeout: 30000 });
    const markers = frame.locator('g.marker');
    const n = await markers.count();
    const others = await frame.locator('g.marker:not([data-entity="hayashi-yoshimasa"])').count();
    if (n < 4 || others) throw new Error(`${n} markers, ${others} of someone else`);
    await screenshot('timeline-entity');
    return `${n} dated mentions`;
  });
} catch (e) {
  log('ERROR', e?.stack ?? e);
  results.push({ name: 'setup', ok: false, error: String(e?.message ?? e) });
  await page?.screenshot({ path: path.join(OUT, 'failure.png') }).catch(() => {});
} finally {
  fs.writeFileSync(path.join(OUT, 'browser-console.log'), consoleLines.join('\n'));
  if (browser) await browser.close();
  if (server) await server.stop();
  if (wikidata) await wikidata.close();
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  log(`total ${Date.now() - T0} ms`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
