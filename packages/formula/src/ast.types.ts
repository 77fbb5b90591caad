/** A half-open source range: 0-based offsets of the first character and one past the last. */
export interface Span {
  start: number;
  end: number;
}

/** Binary operators of the language, loosest last: `* /`, `+ -`, `&`, `< > <= >=`, `= !=`. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '&' | '=' | '!=' | '<' | '>' | '<=' | '>=';

/** A parsed formula node; every node carries its source span. */
export type AstNode =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  /** `{Name}`, `{fldXXX}` or a bare single-word name; `name` is the text as written (unescaped). */
  | { kind: 'field'; name: string; braced: boolean; span: Span }
  | { kind: 'unary'; operator: '-' | '+'; operand: AstNode; span: Span }
  | { kind: 'binary'; operator: BinaryOperator; left: AstNode; right: AstNode; span: Span }
  /** `name` is upper-cased (function names are case-insensitive). */
  | { kind: 'call'; name: string; args: AstNode[]; span: Span; nameSpan: Span };

/** The node kinds, e.g. `'call'`. */
export type AstKind = AstNode['kind'];

/** One node kind, e.g. `AstOf<'call'>`. */
export type AstOf<K extends AstKind> = Extract<AstNode, { kind: K }>;
