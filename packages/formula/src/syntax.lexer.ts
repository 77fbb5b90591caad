import type { Span } from './ast.types';
import { formulaError } from './formula.errors';

/** A token of the formula language. */
export type Token =
  | { type: 'number'; value: number; span: Span }
  | { type: 'string'; value: string; span: Span }
  | { type: 'field'; value: string; span: Span }
  | { type: 'identifier'; value: string; span: Span }
  | { type: 'operator'; value: string; span: Span }
  | { type: 'end'; value: ''; span: Span };

const OPERATORS = ['!=', '<=', '>=', '+', '-', '*', '/', '&', '=', '<', '>', '(', ')', ','];
// Operators from other languages, rejected with a hint an LLM can act on.
const FOREIGN: Record<string, string> = {
  '==': 'use = to compare',
  '<>': 'use != for "not equal"',
  '&&': 'use AND(a, b)',
  '||': 'use OR(a, b)',
  '!': 'use NOT(x), or != for "not equal"',
  '%': 'use MOD(value, divisor)',
  '^': 'use POWER(base, exponent)',
};
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const WHITESPACE = /\s+/y;

/** Splits a formula into tokens; throws a `formula.syntax` AppError on a bad character or string. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (true) {
    WHITESPACE.lastIndex = index;
    if (WHITESPACE.test(source)) index = WHITESPACE.lastIndex;
    if (index >= source.length) break;
    const token = readToken(source, index);
    tokens.push(token);
    index = token.span.end;
  }
  tokens.push({ type: 'end', value: '', span: { start: source.length, end: source.length } });
  return tokens;
}

function readToken(source: string, start: number): Token {
  const char = source[start]!;
  if (char === '"' || char === "'") return readString(source, start, char);
  if (char === '{') return readField(source, start);
  if (char === '\u201c' || char === '\u201d' || char === '\u2018' || char === '\u2019') {
    throw formulaError(
      'formula.syntax',
      'Curly quotes are not string quotes; use straight " or \'',
      span(start, 1),
    );
  }
  const foreign = Object.keys(FOREIGN).find(
    (op) => source.startsWith(op, start) && !source.startsWith('!=', start),
  );
  if (foreign)
    throw formulaError('formula.syntax', `Unexpected "${foreign}": ${FOREIGN[foreign]}`, span(start, 1));
  const operator = OPERATORS.find((op) => source.startsWith(op, start));
  if (operator) return { type: 'operator', value: operator, span: span(start, operator.length) };
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(source);
  if (number) return { type: 'number', value: Number(number[0]), span: span(start, number[0].length) };
  IDENTIFIER.lastIndex = start;
  const identifier = IDENTIFIER.exec(source);
  if (identifier)
    return { type: 'identifier', value: identifier[0], span: span(start, identifier[0].length) };
  throw formulaError('formula.syntax', `Unexpected character ${JSON.stringify(char)}`, span(start, 1));
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

function readString(source: string, start: number, quote: string): Token {
  let value = '';
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index]!;
    if (char === quote) return { type: 'string', value, span: { start, end: index + 1 } };
    if (char === '\\' && index + 1 < source.length) {
      const next = source[++index]!;
      value += ESCAPES[next] ?? next;
    } else value += char;
  }
  throw formulaError('formula.syntax', `Unterminated string: add the closing ${quote}`, span(start, 1));
}

function readField(source: string, start: number): Token {
  let value = '';
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index]!;
    if (char === '}') return { type: 'field', value, span: { start, end: index + 1 } };
    // `\}` and `\\` are escapes (pyairtable writes them); any other backslash is part of the name.
    if (char === '\\' && (source[index + 1] === '}' || source[index + 1] === '\\')) value += source[++index];
    else value += char;
  }
  throw formulaError('formula.syntax', 'Unterminated field reference: add the closing }', span(start, 1));
}

function span(start: number, length: number): Span {
  return { start, end: start + length };
}
