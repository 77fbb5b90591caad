import type { BoundNode } from './formula.bind';
import { compileEvaluator } from './evaluate.compile';
import { sql } from './sql.chunks';
import { numberSql, textSql } from './sql.coerce';
import { compileComparison } from './sql.compare';
import { constantSql } from './sql.constant';
import { compileFunction } from './sql.functions';
import type { ColumnResolver } from './sql.resolver';
import { guards, guardOf, type SqlValue } from './sql.value';

/** What the SQL compiler needs: the caller's column resolver and the query's "now". */
export interface SqlCompileContext {
  readonly resolver: ColumnResolver;
  /** Epoch ms for NOW() and TODAY(); the evaluator must get the same value. */
  readonly now: number;
}

const RECORD_FUNCTIONS = new Set(['RECORD_ID', 'CREATED_TIME', 'LAST_MODIFIED_TIME']);
/** Past this many chunks a compiled expression is left to the evaluator (guards repeat operands). */
const MAX_CHUNKS = 4000;

/** True when the node reads nothing from the row (it may read NOW()). */
export function isRowIndependent(node: BoundNode): boolean {
  if (node.kind === 'field') return false;
  if (node.kind === 'unary') return isRowIndependent(node.operand);
  if (node.kind === 'binary') return isRowIndependent(node.left) && isRowIndependent(node.right);
  if (node.kind === 'call') return !RECORD_FUNCTIONS.has(node.name) && node.args.every(isRowIndependent);
  return true;
}

/** Compiles an expression to SQL, or null when SQL cannot compute it exactly (the planner keeps it in process). */
export function compileSqlValue(node: BoundNode, context: SqlCompileContext): SqlValue | null {
  const value = isRowIndependent(node) ? foldConstant(node, context) : compileRowNode(node, context);
  if (value === null || value.sql.length + (value.guard?.length ?? 0) > MAX_CHUNKS) return null;
  return value;
}

function foldConstant(node: BoundNode, context: SqlCompileContext): SqlValue | null {
  const evaluate = compileEvaluator({ source: '', root: node, fields: [] });
  const value = evaluate({
    cells: {},
    context: { recordId: '', createdTime: 0, lastModifiedTime: 0, now: context.now },
  });
  return constantSql(value);
}

function compileRowNode(node: BoundNode, context: SqlCompileContext): SqlValue | null {
  switch (node.kind) {
    case 'field': {
      const column = context.resolver.column(node.field);
      if (column === null) return null;
      if (column.type === 'boolean')
        return { type: 'boolean', sql: sql`NULLIF(${column.sql}, FALSE)`, guard: null, nullable: true };
      return { type: column.type, sql: sql`(${column.sql})`, guard: null, nullable: true };
    }
    case 'unary': {
      const operand = compileSqlValue(node.operand, context);
      const number = operand && numberSql(operand);
      if (!number) return null;
      // A negated position is no longer a position: drop `found`.
      const { found: _found, ...plain } = number;
      return node.operator === '+' ? plain : { ...plain, sql: sql`(-${number.sql})` };
    }
    case 'binary':
      return compileBinary(node, context);
    case 'call':
      return compileFunction(node, context);
    default:
      return null;
  }
}

function compileBinary(node: BoundNode & { kind: 'binary' }, context: SqlCompileContext): SqlValue | null {
  const left = compileSqlValue(node.left, context);
  const right = compileSqlValue(node.right, context);
  if (!left || !right) return null;
  switch (node.operator) {
    case '&': {
      const a = textSql(left);
      const b = textSql(right);
      return a && b
        ? { type: 'text', sql: sql`(${a.sql} || ${b.sql})`, guard: guardOf(a, b), nullable: false }
        : null;
    }
    case '+':
    case '-':
    case '*':
    case '/':
      return compileArithmetic(node.operator, left, right);
    default:
      return compileComparison(node.operator, left, right);
  }
}

// Bounds inside which float8 arithmetic can neither overflow nor underflow (PostgreSQL raises on both).
function inRange(value: SqlValue, operator: string): string[] | null {
  if (value.constant && typeof value.constant.value === 'number') {
    const magnitude = Math.abs(value.constant.value);
    const safe =
      operator === '+' || operator === '-'
        ? magnitude < 1e300
        : magnitude === 0 || (magnitude > 1e-150 && magnitude < 1e150);
    return safe ? null : ['FALSE'];
  }
  return null;
}

function compileArithmetic(
  operator: '+' | '-' | '*' | '/',
  left: SqlValue,
  right: SqlValue,
): SqlValue | null {
  const a = numberSql(left);
  const b = numberSql(right);
  if (!a || !b) return null;
  const additive = operator === '+' || operator === '-';
  const bound = (value: SqlValue) =>
    value.constant
      ? inRange(value, operator)
      : additive
        ? sql`abs(${value.sql}) < 1e300`
        : sql`(${value.sql} = 0 OR abs(${value.sql}) BETWEEN 1e-150 AND 1e150)`;
  const nonZero = operator === '/' ? sql`${b.sql} <> 0` : null;
  const safe = guards(bound(a), bound(b), nonZero);
  const result =
    safe === null
      ? sql`(${a.sql} ${[operator]} ${b.sql})`
      : sql`(CASE WHEN ${safe} THEN ${a.sql} ${[operator]} ${b.sql} ELSE 0 END)`;
  return { type: 'number', sql: result, guard: guards(guardOf(a, b), safe), nullable: false };
}
