/**
 * A source check shared by the tests of core/dates (and of any core module that keeps scratch
 * buffers): module-level mutable state makes a recognizer non-re-entrant, so it must live in an
 * object the caller owns.
 */
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';

/**
 * What counts as module state: a `let` or `var` at module level, a regular expression with the
 * `g` or `y` flag there (its `lastIndex`), or a module-level binding that any code writes to
 * (assignment to it or its members, `delete`, `++`, or a mutating method: add, set, push, …).
 * Building a table inside the function that creates it is not state: the binding is written once.
 */
const MUTATORS = new Set(['add', 'set', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

export function moduleStateIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const names = new Set<string>();
  const where = (n: ts.Node): string => `${file.split('/').pop()}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  for (const st of src.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const flags = st.declarationList.flags;
    if (!(flags & ts.NodeFlags.Const)) found.push(`${where(st)}: a module-level ${flags & ts.NodeFlags.Let ? 'let' : 'var'}`);
    for (const d of st.declarationList.declarations) {
      const collect = (b: ts.BindingName): void => {
        if (ts.isIdentifier(b)) names.add(b.text);
        else for (const e of b.elements) if (!ts.isOmittedExpression(e)) collect(e.name);
      };
      collect(d.name);
      if (d.initializer && ts.isRegularExpressionLiteral(d.initializer) && /\/[a-z]*[gy][a-z]*$/.test(d.initializer.text)) found.push(`${where(d)}: a module-level regular expression with lastIndex state`);
    }
  }
  // Locals that name module state ("const starts = MARKED_STARTS;", "const row = TABLE[i];"), per
  // function: a write through them writes the module's binding (a reused buffer is state as much
  // as a let).
  const aliases = new Map<ts.Node, Map<string, string>>();
  const aliasOf = (id: ts.Identifier): string | null => {
    for (let p: ts.Node | undefined = id.parent; p; p = p.parent) {
      const r = ts.isFunctionLike(p) ? aliases.get(p)?.get(id.text) : undefined;
      if (r) return r;
    }
    return null;
  };
  const root = (e: ts.Expression): string | null => {
    let x = e;
    let member = false;
    while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) {
      member ||= !ts.isParenthesizedExpression(x) && !ts.isNonNullExpression(x);
      x = x.expression;
    }
    if (!ts.isIdentifier(x)) return null;
    // A local alias counts when written through ("b[0] = …"), not when given another value ("bd = d").
    return names.has(x.text) ? x.text : member ? aliasOf(x) : null;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      let fn: ts.Node | undefined = n.parent;
      while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
      let x: ts.Expression = n.initializer;
      while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
      if (fn && ts.isIdentifier(x) && names.has(x.text)) {
        const scope = aliases.get(fn) ?? new Map<string, string>();
        scope.set(n.name.text, `${x.text} (through ${n.name.text})`);
        aliases.set(fn, scope);
      }
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const r = root(n.left);
      if (r) found.push(`${where(n)}: writes ${r}`);
    }
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
      const r = root(n.operand);
      if (r) found.push(`${where(n)}: writes ${r}`);
    }
    if (ts.isDeleteExpression(n)) {
      const r = root(n.expression);
      if (r) found.push(`${where(n)}: deletes from ${r}`);
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && MUTATORS.has(n.expression.name.text)) {
      const r = root(n.expression.expression);
      if (r) found.push(`${where(n)}: ${n.expression.name.text}() on ${r}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}
