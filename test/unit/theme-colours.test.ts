/**
 * Entity colours in the built-in colour themes: each entity type's semantic token, as contributed
 * in `package.json` (`semanticTokenTypes`, `semanticTokenScopes`), must get a foreground of its own
 * in every built-in theme, apart from the prose colour and from the six other types. The themes
 * are read from code-server's copy of VS Code (`$ATTACHE_CODE_SERVER_DIR`, `$CODE_SERVER_PREFIX`
 * or `.cache/code-server`); the tests skip, saying so, where it is not installed. The browser
 * end-to-end test checks the same colours as rendered.
 */

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { semanticTokensLegend } from '../../server/src/lsp/semanticTokens';
import { repoRoot } from '../helpers';
import { colorDistance, loadBuiltInThemes, proseColor, SemanticContributions, themeDefaultsDir, tokenStyle } from '../themes';

/** The themes that must tell the seven types apart: all built-in ones but the two legacy Visual Studio themes. */
const THEMES = ['Light Modern', 'Dark Modern', 'Light+', 'Dark+', 'Default High Contrast', 'Default High Contrast Light', 'Light 2026', 'Dark 2026'];
/** Colours closer than this (ΔE*ab) would read as the same colour in running text. */
const MIN_DISTANCE = 20;

const contributions = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: SemanticContributions }).contributes;
const codeServer = [process.env.ATTACHE_CODE_SERVER_DIR, process.env.CODE_SERVER_PREFIX, join(repoRoot, '.cache', 'code-server')]
  .filter((d): d is string => !!d)
  .map(themeDefaultsDir)
  .find((d) => d);
const skip = codeServer ? false : 'code-server is not installed (scripts/install-code-server.sh): no built-in themes to check';

test('the VS Code legend names the contributed types, in the order of the standard legend, each with its standard type as super type', () => {
  const ours = semanticTokensLegend(true).tokenTypes;
  const standard = semanticTokensLegend(false).tokenTypes;
  assert.equal(ours.length, 7);
  ours.forEach((id, i) => {
    const t = contributions.semanticTokenTypes?.find((x) => x.id === id);
    assert.ok(t, `${id} is not in package.json's semanticTokenTypes`);
    assert.equal(t.superType, standard[i], `${id}'s super type`);
    assert.ok(contributions.semanticTokenScopes?.some((s) => s.scopes[id]?.length), `${id} has no TextMate scope`);
  });
});

describe('entity colours in the built-in themes', { skip }, () => {
  const themes = codeServer ? loadBuiltInThemes(codeServer) : [];
  test('every theme the test names is built in', () => {
    assert.deepEqual(THEMES.filter((id) => !themes.some((t) => t.id === id)), []);
  });
  for (const id of THEMES) {
    test(`${id}: seven colours of their own, apart from prose and from each other`, () => {
      const theme = themes.find((t) => t.id === id)!;
      const prose = proseColor(theme);
      const colours = semanticTokensLegend(true).tokenTypes.map((type) => {
        const style = tokenStyle(theme, contributions, type, [], 'diplomatic-article');
        assert.ok(style.foreground, `${type} gets no colour`);
        // An annotated mention carries the `declaration` modifier: it must look the same.
        assert.deepEqual(tokenStyle(theme, contributions, type, ['declaration'], 'diplomatic-article'), style, `${type}.declaration`);
        return { type, colour: style.foreground, source: style.source };
      });
      const problems: string[] = [];
      for (const [i, a] of colours.entries()) {
        if (colorDistance(a.colour, prose) < MIN_DISTANCE) problems.push(`${a.type} ${a.colour} (${a.source}) is too close to prose ${prose}`);
        for (const b of colours.slice(0, i)) {
          if (colorDistance(a.colour, b.colour) < MIN_DISTANCE) problems.push(`${a.type} ${a.colour} (${a.source}) is too close to ${b.type} ${b.colour} (${b.source})`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
