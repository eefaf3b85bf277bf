/**
 * The timeline webview's page (client/src/timelineHtml.ts): a Content Security Policy meta tag
 * with `default-src 'none'`, scripts only with this page's nonce (every script tag carries it),
 * no inline script or style, no inline event handlers, and resources only from the webview's
 * source. Also the bundled script itself: no eval-like constructs a CSP would block.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeNonce, timelineHtml } from '../../client/src/timelineHtml';
import { repoRoot } from '../helpers';

const NONCE = makeNonce();
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const html = timelineHtml({
  cspSource: CSP_SOURCE,
  scriptUri: `${CSP_SOURCE}/ext/client/out/media/timeline.js`,
  styleUri: `${CSP_SOURCE}/ext/client/out/media/timeline.css`,
  nonce: NONCE,
});

function csp(): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*>/gi)];
  assert.equal(metas.length, 1, 'one CSP meta tag');
  const out = new Map<string, string[]>();
  for (const part of metas[0][1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

test('the page has a CSP meta tag with default-src \'none\' and nonce-only scripts', () => {
  const p = csp();
  assert.deepEqual(p.get('default-src'), ["'none'"]);
  assert.deepEqual(p.get('script-src'), [`'nonce-${NONCE}'`]);
  assert.deepEqual(p.get('style-src'), [CSP_SOURCE, `'nonce-${NONCE}'`]);
  for (const [name, values] of p) {
    assert.ok(!values.includes("'unsafe-inline'") && !values.includes("'unsafe-eval'"), `${name} allows inline code`);
    assert.ok(!values.includes('*') && !values.some((v) => /^https?:$/.test(v)), `${name} allows any source`);
  }
  // The meta tag comes before anything it governs.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script') && html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
});

test('every script has the nonce and a src from the webview: no inline script', () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 1);
  assert.equal(scripts.length, (html.match(/<script\b/gi) ?? []).length);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, new RegExp(`\\bnonce="${NONCE}"`));
    assert.match(attrs, new RegExp(`\\bsrc="${CSP_SOURCE.replace(/[.+]/g, '\\$&')}/`));
    assert.equal(body.trim(), '', 'inline script');
  }
  assert.ok(!/<style\b/i.test(html), 'inline <style>');
  assert.ok(!/\sstyle\s*=/i.test(html), 'style attribute');
  assert.ok(!/\son[a-z]+\s*=/i.test(html), 'inline event handler');
  assert.ok(!/javascript:/i.test(html));
  for (const [, link] of html.matchAll(/<link\b([^>]*)>/gi)) assert.match(link, new RegExp(`nonce="${NONCE}"`));
});

test('nonces differ from page to page and use only letters and digits', () => {
  const a = makeNonce();
  const b = makeNonce();
  assert.match(a, /^[A-Za-z0-9]{32}$/);
  assert.notEqual(a, b);
});

test('the bundled webview script needs no eval (after npm run build)', { skip: existsSync(join(repoRoot, 'client/out/media/timeline.js')) ? false : 'client/out/media/timeline.js is missing: run `npm run build`' }, () => {
  const js = readFileSync(join(repoRoot, 'client/out/media/timeline.js'), 'utf8');
  assert.ok(!/\beval\(|new Function\(/.test(js));
  assert.match(js, /acquireVsCodeApi\(\)/);
});
