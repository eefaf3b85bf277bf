/**
 * How VS Code colours a semantic token in a colour theme, re-implemented on the theme files so
 * that tests can check the colours Attaché's tokens get in the built-in themes without a browser.
 *
 * It follows the workbench's `ColorThemeData.getTokenStyle` (VS Code 1.139): the theme's
 * `semanticTokenColors` rules first (matched against the token type and its super types, and the
 * modifiers); for what they leave unset, the default rules contributed by extensions
 * (`semanticTokenScopes`), whose TextMate scopes are looked up in the theme's `tokenColors` with the
 * same scoring as `resolveScopes` (the deepest, then longest, matching selector wins; a later rule
 * wins a tie). Text with no token gets `editor.foreground` (or the workbench default for the theme
 * type when the theme has none). Deliberately absent: user customizations, the built-in default
 * rules of the standard token types (a test asserts that Attaché's own scopes resolve, so those never
 * apply), and TextMate selector features the built-in themes do not use (exclusions, groups).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface TokenColorRule {
  scope?: string | string[];
  settings: { foreground?: string; fontStyle?: string };
}

export interface Theme {
  /** The label users pick, e.g. "Light Modern". */
  id: string;
  uiTheme: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light';
  colors: Record<string, string>;
  tokenColors: TokenColorRule[];
  semanticTokenColors: [string, string | { foreground?: string }][];
}

/** Where a code-server install keeps the built-in themes. */
export function themeDefaultsDir(codeServerDir: string): string | undefined {
  const d = join(codeServerDir, 'cs', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'theme-defaults');
  return existsSync(join(d, 'package.json')) ? d : undefined;
}

interface ThemeFile {
  include?: string;
  colors?: Record<string, string>;
  tokenColors?: TokenColorRule[];
  semanticTokenColors?: Record<string, string | { foreground?: string }>;
}

/** Every theme the `theme-defaults` extension contributes, with its `include` chain merged. */
export function loadBuiltInThemes(dir: string): Theme[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    contributes: { themes: { id: string; uiTheme: Theme['uiTheme']; path: string }[] };
  };
  return pkg.contributes.themes.map((t) => ({ id: t.id, uiTheme: t.uiTheme, ...loadThemeFile(join(dir, t.path)) }));
}

function loadThemeFile(file: string): Omit<Theme, 'id' | 'uiTheme'> {
  const t = JSON.parse(readFileSync(file, 'utf8')) as ThemeFile;
  const base = t.include ? loadThemeFile(join(dirname(file), t.include)) : { colors: {}, tokenColors: [], semanticTokenColors: [] };
  return {
    colors: { ...base.colors, ...t.colors },
    tokenColors: [...base.tokenColors, ...(t.tokenColors ?? [])],
    semanticTokenColors: [...base.semanticTokenColors, ...Object.entries(t.semanticTokenColors ?? {})],
  };
}

/** `#RGB`, `#RRGGBB` or `#RRGGBBAA` as lower-case `#rrggbb` (an opaque alpha dropped). */
export function normalizeColor(c: string): string {
  let h = c.toLowerCase().replace(/^#/, '');
  if (h.length === 3 || h.length === 4) h = [...h].map((x) => x + x).join('');
  if (h.length === 8 && h.endsWith('ff')) h = h.slice(0, 6);
  return `#${h}`;
}

/** The workbench's `editor.foreground` defaults, for themes that do not set it. */
const DEFAULT_FOREGROUND: Record<Theme['uiTheme'], string> = { vs: '#333333', 'vs-dark': '#bbbbbb', 'hc-black': '#ffffff', 'hc-light': '#292929' };

/** The colour of text no token colours: prose, in an article. */
export function proseColor(theme: Theme): string {
  return normalizeColor(theme.colors['editor.foreground'] ?? DEFAULT_FOREGROUND[theme.uiTheme]);
}

function scopeMatches(probe: string, ruleScope: string): boolean {
  return probe === ruleScope || (probe.startsWith(ruleScope) && probe[ruleScope.length] === '.');
}

/** `nameMatcher`: every identifier of the selector must match one of the probe's scopes. */
function selectorScore(identifiers: string[], probe: string[]): number {
  if (probe.length < identifiers.length) return -1;
  let score = -1;
  for (const id of identifiers) {
    let i = probe.length - 1;
    while (i >= 0 && !scopeMatches(probe[i], id)) i--;
    if (i < 0) return -1;
    score = (i + 1) * 0x10000 + id.length;
  }
  return score;
}

function ruleScore(rule: TokenColorRule, probe: string[]): number {
  if (!rule.scope) return -1;
  const selectors = (Array.isArray(rule.scope) ? rule.scope : [rule.scope]).flatMap((s) => s.split(','));
  return Math.max(-1, ...selectors.map((s) => selectorScore(s.trim().split(/\s+/), probe)));
}

export interface ScopeStyle {
  foreground?: string;
  fontStyle?: string;
  /** The probe scope that resolved. */
  scope: string;
}

/** `resolveScopes`: the style of the first probe scope any rule of the theme colours or styles. */
export function resolveScopes(theme: Theme, probes: string[]): ScopeStyle | undefined {
  for (const probe of probes) {
    const path = probe.split(' ');
    let fg: string | undefined;
    let fs: string | undefined;
    let fgScore = -1;
    let fsScore = -1;
    for (const rule of theme.tokenColors) {
      const score = ruleScore(rule, path);
      if (score < 0) continue;
      if (score >= fgScore && rule.settings.foreground) [fg, fgScore] = [rule.settings.foreground, score];
      if (score >= fsScore && rule.settings.fontStyle !== undefined) [fs, fsScore] = [rule.settings.fontStyle, score];
    }
    if (fg !== undefined || fs !== undefined) return { foreground: fg && normalizeColor(fg), fontStyle: fs, scope: probe };
  }
  return undefined;
}

/** What an extension's `package.json` contributes for semantic tokens. */
export interface SemanticContributions {
  semanticTokenTypes?: { id: string; superType?: string }[];
  semanticTokenScopes?: { language?: string; scopes: Record<string, string[]> }[];
}

interface Selector {
  type: string;
  modifiers: string[];
  language?: string;
}

function parseSelector(s: string): Selector {
  const [typeAndModifiers, language] = s.split(':');
  const [type, ...modifiers] = typeAndModifiers.split('.');
  return { type, modifiers, language };
}

function selectorMatch(sel: Selector, hierarchy: string[], modifiers: string[], language: string): number {
  let score = 0;
  if (sel.language !== undefined) {
    if (sel.language !== language) return -1;
    score += 10;
  }
  if (sel.type !== '*') {
    const level = hierarchy.indexOf(sel.type);
    if (level < 0) return -1;
    score += 100 - level;
  }
  if (!sel.modifiers.every((m) => modifiers.includes(m))) return -1;
  return score + sel.modifiers.length * 100;
}

export interface TokenStyle {
  foreground?: string;
  /** Where the foreground came from: a theme's `semanticTokenColors` selector or a probed scope. */
  source?: string;
}

/** `getTokenStyle`: the foreground VS Code gives a semantic token of `type` with `modifiers`. */
export function tokenStyle(theme: Theme, c: SemanticContributions, type: string, modifiers: string[], language: string): TokenStyle {
  const hierarchy = [type];
  for (let t = type; ; ) {
    const sup = c.semanticTokenTypes?.find((x) => x.id === t)?.superType;
    if (!sup || hierarchy.includes(sup)) break;
    hierarchy.push((t = sup));
  }
  let best: TokenStyle = {};
  let bestScore = -1;
  for (const [selector, value] of theme.semanticTokenColors) {
    const score = selectorMatch(parseSelector(selector), hierarchy, modifiers, language);
    const fg = typeof value === 'string' ? value : value.foreground;
    if (score >= 0 && fg && score >= bestScore) [best, bestScore] = [{ foreground: normalizeColor(fg), source: selector }, score];
  }
  if (best.foreground) return best;
  for (const contribution of c.semanticTokenScopes ?? []) {
    for (const [selector, probes] of Object.entries(contribution.scopes)) {
      const sel = parseSelector(contribution.language ? `${selector}:${contribution.language}` : selector);
      const score = selectorMatch(sel, hierarchy, modifiers, language);
      if (score < 0 || score < bestScore) continue;
      const s = resolveScopes(theme, probes);
      if (s?.foreground) [best, bestScore] = [{ foreground: s.foreground, source: s.scope }, score];
    }
  }
  return best;
}

/** CIELAB (D65) coordinates of a `#rrggbb` colour. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/**
 * How far apart two colours look: the CIE76 difference ΔE*ab (about 2.3 is just noticeable; the
 * text colours of one built-in theme are 20 to 60 apart).
 */
export function colorDistance(a: string, b: string): number {
  const [p, q] = [lab(normalizeColor(a)), lab(normalizeColor(b))];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
