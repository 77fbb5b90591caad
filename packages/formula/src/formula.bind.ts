import type { FieldSchema } from '@tableport/contracts';
import type { AstNode, BinaryOperator, Span } from './ast.types';
import { formulaError } from './formula.errors';
import { lookupFunction } from './functions/catalogue';
import type { FunctionSpec } from './functions/function.types';
import { parseFormula } from './syntax.parser';

/** A field as the formula engine needs it (a FieldSchema, or any object with these keys). */
export type FormulaField = Pick<FieldSchema, 'id' | 'name' | 'type'> & { options?: unknown };

/** A node whose names are resolved: fields point at their schema, calls at their catalogue entry. */
export type BoundNode =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'field'; field: FormulaField; span: Span }
  | { kind: 'unary'; operator: '-' | '+'; operand: BoundNode; span: Span }
  | { kind: 'binary'; operator: BinaryOperator; left: BoundNode; right: BoundNode; span: Span }
  | { kind: 'call'; name: string; spec: FunctionSpec; args: BoundNode[]; span: Span };

/** A checked formula: source, tree, and the fields it reads. */
export interface BoundFormula {
  readonly source: string;
  readonly root: BoundNode;
  readonly fields: readonly FormulaField[];
}

/**
 * Parses (if needed) and checks a formula against a table's fields: every `{Field}` (name or id)
 * must exist, every function must be in the catalogue with a valid argument count.
 */
export function bindFormula(
  formula: string | AstNode,
  options: { fields: readonly FormulaField[] },
): BoundFormula {
  const ast = typeof formula === 'string' ? parseFormula(formula) : formula;
  const used = new Set<FormulaField>();
  const root = bindNode(ast, fieldFinder(options.fields), used);
  return { source: typeof formula === 'string' ? formula : '', root, fields: [...used] };
}

function fieldFinder(fields: readonly FormulaField[]) {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const byName = new Map(fields.map((field) => [field.name, field]));
  const byLower = new Map<string, FormulaField[]>();
  for (const field of fields)
    byLower.set(field.name.toLowerCase(), [...(byLower.get(field.name.toLowerCase()) ?? []), field]);
  return (name: string, span: Span): FormulaField => {
    const found = byId.get(name) ?? byName.get(name) ?? single(byLower.get(name.toLowerCase()));
    if (found) return found;
    const known = fields
      .slice(0, 30)
      .map((field) => `{${field.name}}`)
      .join(', ');
    throw formulaError(
      'formula.unknown_field',
      `Unknown field {${name}}; the table's fields are ${known || '(none)'}`,
      span,
      {
        field: name,
      },
    );
  };
}

function single<T>(list: T[] | undefined): T | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

function bindNode(
  node: AstNode,
  find: (name: string, span: Span) => FormulaField,
  used: Set<FormulaField>,
): BoundNode {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return node;
    case 'field': {
      const field = find(node.name, node.span);
      used.add(field);
      return { kind: 'field', field, span: node.span };
    }
    case 'unary':
      return { ...node, operand: bindNode(node.operand, find, used) };
    case 'binary':
      return { ...node, left: bindNode(node.left, find, used), right: bindNode(node.right, find, used) };
    case 'call': {
      const spec = lookupFunction(node.name);
      if (!spec)
        throw formulaError('formula.unknown_function', `Unknown function ${node.name}()`, node.nameSpan, {
          function: node.name,
        });
      checkArity(spec, node.args.length, node.nameSpan);
      return {
        kind: 'call',
        name: spec.name,
        spec,
        args: node.args.map((arg) => bindNode(arg, find, used)),
        span: node.span,
      };
    }
  }
}

function checkArity(spec: FunctionSpec, count: number, span: Span): void {
  if (count >= spec.minArgs && count <= spec.maxArgs) return;
  const expected =
    spec.minArgs === spec.maxArgs
      ? `${spec.minArgs}`
      : spec.maxArgs === Number.POSITIVE_INFINITY
        ? `at least ${spec.minArgs}`
        : `${spec.minArgs} to ${spec.maxArgs}`;
  throw formulaError(
    'formula.wrong_argument_count',
    `${spec.name} takes ${expected} argument${expected === '1' ? '' : 's'} but got ${count}: ${spec.signature}`,
    span,
    { function: spec.name, expected, got: count },
  );
}
