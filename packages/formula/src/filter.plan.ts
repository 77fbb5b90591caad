import type { BoundFormula, BoundNode } from './formula.bind';
import { lookupFunction } from './functions/catalogue';
import { createRecordEvaluator, isMatch, type FormulaRecord } from './formula.evaluate';
import { joinSql, sql, type Sql } from './sql.chunks';
import { truthSql } from './sql.coerce';
import { compileSqlValue, type SqlCompileContext } from './sql.compile';

/** How to run a filter: SQL for what PostgreSQL computes exactly, the rest in process. */
export interface FilterPlan {
  /** Boolean SQL for the WHERE clause (NULL counts as no match), or null when nothing was pushed down. */
  readonly where: Sql | null;
  /**
   * Boolean SQL that is true for rows SQL could not decide exactly (extreme numbers, non-ASCII LOWER,
   * ...): select it as a column and run `recheck` on those rows. Null when every pushed part is exact.
   */
  readonly recheck: Sql | null;
  /** Conjuncts SQL cannot express: run on every row the SQL returns. Null when all were pushed down. */
  readonly residual: BoundFormula | null;
  /** The pushed conjuncts that have guards: run on the rows whose `recheck` column is true. */
  readonly recheckFormula: BoundFormula | null;
  /** The final decision for one row the SQL returned; `needsRecheck` is the value of the `recheck` column. */
  readonly matches: (record: FormulaRecord, needsRecheck: boolean) => boolean;
}

/** Options of {@link planFilter}; `now` must be the same instant the evaluation uses. */
export interface PlanOptions extends SqlCompileContext {
  readonly cellKey?: 'id' | 'name';
}

/** Splits the formula's top-level AND into conjuncts (AND(a, AND(b, c)) gives a, b, c). */
export function conjunctsOf(node: BoundNode): BoundNode[] {
  if (node.kind === 'call' && node.name === 'AND' && node.args.length > 0)
    return node.args.flatMap(conjunctsOf);
  return [node];
}

function and(nodes: BoundNode[]): BoundNode {
  return { kind: 'call', name: 'AND', spec: lookupFunction('AND')!, args: nodes, span: nodes[0]!.span };
}

// Inside AND(...) an array argument counts element by element, so each conjunct keeps an AND around it.
function andOf(nodes: BoundNode[], fields: BoundFormula['fields'], wrap: boolean): BoundFormula | null {
  if (nodes.length === 0) return null;
  return { source: '', root: wrap || nodes.length > 1 ? and(nodes) : nodes[0]!, fields };
}

/**
 * Plans a filterByFormula: each top-level AND conjunct that compiles to exact SQL is pushed down,
 * the others stay in process. SQL and evaluation agree on every row (blank, NaN and error rules).
 */
export function planFilter(formula: BoundFormula, options: PlanOptions): FilterPlan {
  const pushed: Sql[] = [];
  const checks: Sql[] = [];
  const guarded: BoundNode[] = [];
  const kept: BoundNode[] = [];
  const wrap = formula.root.kind === 'call' && formula.root.name === 'AND';
  for (const conjunct of conjunctsOf(formula.root)) {
    const value = compileSqlValue(wrap ? and([conjunct]) : conjunct, options);
    if (value === null) {
      kept.push(conjunct);
      continue;
    }
    const truth = truthSql(value);
    if (truth.guard === null) pushed.push(truth.sql);
    else {
      const guard = sql`COALESCE(${truth.guard}, FALSE)`;
      pushed.push(sql`(NOT ${guard} OR ${truth.sql})`);
      checks.push(guard);
      guarded.push(conjunct);
    }
  }
  const residual = andOf(kept, formula.fields, wrap);
  const recheckFormula = andOf(guarded, formula.fields, wrap);
  const evaluate = (part: BoundFormula | null) =>
    part ? createRecordEvaluator(part, { cellKey: options.cellKey ?? 'id', now: options.now }) : null;
  const residualEvaluator = evaluate(residual);
  const recheckEvaluator = evaluate(recheckFormula);
  return {
    where:
      pushed.length === 0
        ? null
        : pushed.length === 1
          ? pushed[0]!
          : joinSql(
              pushed.map((part) => sql`(${part})`),
              ' AND ',
            ),
    recheck: checks.length === 0 ? null : sql`NOT (${joinSql(checks, ' AND ')})`,
    residual,
    recheckFormula,
    matches: (record, needsRecheck) =>
      (residualEvaluator === null || isMatch(residualEvaluator(record))) &&
      (!needsRecheck || recheckEvaluator === null || isMatch(recheckEvaluator(record))),
  };
}
