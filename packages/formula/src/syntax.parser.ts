import type { AstNode, BinaryOperator, Span } from './ast.types';
import { formulaError } from './formula.errors';
import { tokenize, type Token } from './syntax.lexer';

/** Longest formula accepted, in characters (Airtable's own URL limit is 16,000). */
export const MAX_FORMULA_LENGTH = 100_000;
/** Deepest nesting accepted (parentheses, calls and unary operators). */
export const MAX_FORMULA_DEPTH = 120;

// Loosest first; every level is left-associative (shared/airtable-api.md §5.2).
const LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['=', '!='],
  ['<', '>', '<=', '>='],
  ['&'],
  ['+', '-'],
  ['*', '/'],
];

/**
 * Parses a formula into an AST with source spans. Throws only AppErrors with a `formula.*` code
 * (`formula.syntax`, `formula.too_complex`); field and function names are checked by `bindFormula`.
 */
export function parseFormula(source: string): AstNode {
  if (source.length > MAX_FORMULA_LENGTH) {
    throw formulaError(
      'formula.too_complex',
      `The formula is longer than ${MAX_FORMULA_LENGTH} characters`,
      null,
    );
  }
  const parser = new Parser(tokenize(source));
  if (parser.peek().type === 'end')
    throw formulaError('formula.syntax', 'The formula is empty', parser.peek().span);
  const node = parser.expression(0);
  const rest = parser.peek();
  if (rest.type !== 'end') throw unexpected(rest, 'an operator or the end of the formula');
  if (astDepth(node) > MAX_AST_DEPTH) {
    throw formulaError('formula.too_complex', `The formula nests deeper than ${MAX_AST_DEPTH} levels`, null);
  }
  return node;
}

const MAX_AST_DEPTH = 2 * MAX_FORMULA_DEPTH;

/** Depth of the tree, measured without recursion (long operator chains nest on the left). */
function astDepth(root: AstNode): number {
  let deepest = 0;
  const stack: [AstNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (node.kind === 'binary') stack.push([node.left, depth + 1], [node.right, depth + 1]);
    else if (node.kind === 'unary') stack.push([node.operand, depth + 1]);
    else if (node.kind === 'call') for (const arg of node.args) stack.push([arg, depth + 1]);
  }
  return deepest;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private isOperator(value: string): boolean {
    const token = this.peek();
    return token.type === 'operator' && token.value === value;
  }

  expression(level: number): AstNode {
    if (level >= LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    const operators = LEVELS[level]!;
    while (this.peek().type === 'operator' && operators.includes(this.peek().value as BinaryOperator)) {
      const operator = this.next().value as BinaryOperator;
      const right = this.expression(level + 1);
      left = { kind: 'binary', operator, left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private unary(): AstNode {
    const token = this.peek();
    if (token.type === 'operator' && (token.value === '-' || token.value === '+')) {
      this.next();
      const operand = this.nested(() => this.unary());
      return { kind: 'unary', operator: token.value, operand, span: join(token.span, operand.span) };
    }
    return this.primary();
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_FORMULA_DEPTH) {
      throw formulaError(
        'formula.too_complex',
        `The formula nests deeper than ${MAX_FORMULA_DEPTH} levels`,
        this.peek().span,
      );
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private primary(): AstNode {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value, span: token.span };
      case 'string':
        return { kind: 'string', value: token.value, span: token.span };
      case 'field':
        return { kind: 'field', name: token.value, braced: true, span: token.span };
      case 'identifier':
        return this.isOperator('(') ? this.call(token) : this.bare(token);
      case 'operator':
        if (token.value === '(') return this.group(token);
        throw unexpected(token, 'a value, a {Field} or a function call');
      case 'end':
        throw unexpected(token, 'a value, a {Field} or a function call');
    }
  }

  private bare(token: Token & { type: 'identifier' }): AstNode {
    const upper = token.value.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE')
      return { kind: 'boolean', value: upper === 'TRUE', span: token.span };
    return { kind: 'field', name: token.value, braced: false, span: token.span };
  }

  private group(open: Token): AstNode {
    const inner = this.nested(() => this.expression(0));
    const close = this.next();
    if (close.type !== 'operator' || close.value !== ')')
      throw unexpected(close, '")" to close the "(" at ' + open.span.start);
    return inner;
  }

  private call(name: Token & { type: 'identifier' }): AstNode {
    this.next();
    const args = this.nested(() => this.arguments());
    const close = this.tokens[this.index - 1]!;
    return {
      kind: 'call',
      name: name.value.toUpperCase(),
      args,
      span: join(name.span, close.span),
      nameSpan: name.span,
    };
  }

  private arguments(): AstNode[] {
    const args: AstNode[] = [];
    if (this.isOperator(')')) {
      this.next();
      return args;
    }
    while (true) {
      args.push(this.expression(0));
      const separator = this.next();
      if (separator.type === 'operator' && separator.value === ')') return args;
      if (separator.type !== 'operator' || separator.value !== ',') throw unexpected(separator, '"," or ")"');
    }
  }
}

function unexpected(token: Token, expected: string) {
  const found = token.type === 'end' ? 'the end of the formula' : JSON.stringify(sourceText(token));
  return formulaError('formula.syntax', `Expected ${expected} but found ${found}`, token.span);
}

function sourceText(token: Token): string {
  return token.type === 'field' ? `{${token.value}}` : String(token.value);
}

function join(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}
