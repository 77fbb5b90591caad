export type { AstNode, AstKind, AstOf, BinaryOperator, Span } from './ast.types';
export { parseFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from './syntax.parser';
export { formulaError, isFormulaError, type FormulaErrorCode } from './formula.errors';
export { bindFormula, type BoundFormula, type BoundNode, type FormulaField } from './formula.bind';
export { compileEvaluator, type CompiledEvaluator, type EvaluationScope } from './evaluate.compile';
export {
  createRecordEvaluator,
  evaluateFormula,
  isMatch,
  valueToCell,
  valueToText,
  type FormulaRecord,
  type RecordEvaluatorOptions,
} from './formula.evaluate';
export { FormulaDate, FormulaErrorValue, isDateValue, isErrorValue, type Value } from './values.types';
export { cellToValue, resultType } from './values.cells';
export { FUNCTIONS, lookupFunction } from './functions/catalogue';
export type { EvaluationContext, FunctionCategory, FunctionSpec } from './functions/function.types';
export { joinSql, param, renderSql, sql, type Sql, type SqlChunk } from './sql.chunks';
export type { ColumnResolver, ColumnSql, SqlColumnType } from './sql.resolver';
export { compileSqlValue, type SqlCompileContext } from './sql.compile';
export { truthSql } from './sql.coerce';
export type { SqlType, SqlValue } from './sql.value';
export { conjunctsOf, planFilter, type FilterPlan, type PlanOptions } from './filter.plan';
export {
  and,
  compare,
  contains,
  fieldRef,
  isBlank,
  isNotBlank,
  literal,
  match,
  not,
  or,
  search,
  type ComparisonOperator,
  type FormulaText,
  type FormulaValue,
  type MatchCondition,
} from './formula.builder';
