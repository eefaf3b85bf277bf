/**
 * The HTML of the timeline webview: a strict Content Security Policy (`default-src 'none'`; the
 * script and the style sheet only from the extension's media folder with this page's nonce; no
 * inline script, no style attributes), a toolbar, the chart, and an accessible list of the same
 * items. Everything is drawn by `client/webview/timeline.ts`. No `vscode` import, so a unit test
 * can check the page.
 */

export interface TimelineHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri` of the bundled script and style sheet. */
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

/** A nonce for one page: 32 characters from [A-Za-z0-9], from the given random source. */
export function makeNonce(random: () => number = Math.random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(random() * chars.length)];
  return s;
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function timelineHtml(o: TimelineHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src ${o.cspSource} 'nonce-${o.nonce}'`,
    `script-src 'nonce-${o.nonce}'`,
    `font-src ${o.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}" nonce="${o.nonce}">
<title>Attaché Timeline</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Timeline">
  <h1 id="title">Timeline</h1>
  <div class="group" role="radiogroup" aria-label="Scope">
    <button type="button" id="scope-article" role="radio" aria-checked="true">Article</button>
    <button type="button" id="scope-workspace" role="radio" aria-checked="false">Workspace</button>
  </div>
  <div class="group" aria-label="Zoom">
    <button type="button" id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
    <button type="button" id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
    <button type="button" id="zoom-fit" title="Show everything (0)">Fit</button>
  </div>
  <div class="group" aria-label="Export">
    <button type="button" id="export-svg" title="Save the timeline as an SVG image">SVG</button>
    <button type="button" id="export-timelinejs" title="Save the timeline as TimelineJS JSON">TimelineJS</button>
  </div>
  <span id="status" class="status" role="status" aria-live="polite"></span>
</header>
<main>
  <div id="chart" class="chart"></div>
  <p id="detail" class="detail" aria-live="polite"></p>
  <details id="list-box" class="list-box" open>
    <summary>Items as a list</summary>
    <div id="list" class="list"></div>
  </details>
</main>
<script nonce="${o.nonce}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
