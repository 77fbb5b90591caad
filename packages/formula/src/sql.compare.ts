import { param, sql, type Sql } from './sql.chunks';
import { numberSql, textSql } from './sql.coerce';
import { constantSql } from './sql.constant';
import { asTimestamp, guardOf, type SqlValue } from './sql.value';
import { compareValues } from './values.compare';
import { parseDateText } from './dates.parse';
import { FormulaDate, type Value } from './values.types';

type Comparison = '=' | '!=' | '<' | '>' | '<=' | '>=';
const SQL_OPERATOR: Record<Comparison, string> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
};
const FLIP: Record<Comparison, Comparison> = {
  '=': '=',
  '!=': '!=',
  '<': '>',
  '>': '<',
  '<=': '>=',
  '>=': '<=',
};

function holds(operator: Comparison, order: number): boolean {
  return {
    '=': order === 0,
    '!=': order !== 0,
    '<': order < 0,
    '>': order > 0,
    '<=': order <= 0,
    '>=': order >= 0,
  }[operator];
}

type Group = 'number' | 'text' | 'date' | 'blank';
function groupOf(value: SqlValue): Group {
  if (value.type === 'number' || value.type === 'boolean') return 'number';
  if (value.type === 'text' || value.type === 'textArray') return 'text';
  if (value.type === 'date' || value.type === 'timestamp') return 'date';
  return 'blank';
}

/** Compiles `= != < > <= >=` following compareValues (values.compare.ts), or null when SQL cannot match it. */
export function compileComparison(operator: Comparison, left: SqlValue, right: SqlValue): SqlValue | null {
  if (right.constant && !left.constant) return compareToConstant(operator, left, right);
  if (left.constant && !right.constant) return compareToConstant(FLIP[operator], right, left);
  const [a, b] = [groupOf(left), groupOf(right)];
  if (a !== b) return null;
  if (a === 'number') return comparePlain(operator, numberSql(left), numberSql(right), '');
  if (a === 'text') return comparePlain(operator, textSql(left), textSql(right), ' COLLATE "C"');
  if (a === 'date') return compareNullsFirst(operator, left, right);
  return null;
}

function comparePlain(
  operator: Comparison,
  left: SqlValue | null,
  right: SqlValue | null,
  collate: string,
): SqlValue | null {
  if (!left || !right) return null;
  const fragment = sql`(${left.sql}${[collate]} ${[SQL_OPERATOR[operator]]} ${right.sql}${[collate]})`;
  return { type: 'boolean', sql: fragment, guard: guardOf(left, right), nullable: false };
}

// Blank dates sort before every date (blank compares as "" against the date's ISO text).
function compareNullsFirst(operator: Comparison, left: SqlValue, right: SqlValue): SqlValue {
  const [a, b] = [asTimestamp(left), asTimestamp(right)];
  const order = sql`(CASE WHEN ${a} IS NULL AND ${b} IS NULL THEN 0 WHEN ${a} IS NULL THEN -1 WHEN ${b} IS NULL THEN 1 WHEN ${a} < ${b} THEN -1 WHEN ${a} > ${b} THEN 1 ELSE 0 END)`;
  return {
    type: 'boolean',
    sql: sql`(${order} ${[SQL_OPERATOR[operator]]} 0)`,
    guard: guardOf(left, right),
    nullable: false,
  };
}

function compareToConstant(operator: Comparison, value: SqlValue, constant: SqlValue): SqlValue | null {
  const c = constant.constant!.value;
  const group = groupOf(value);
  if (c === null) return compareToConstant(operator, value, constantSql(group === 'number' ? 0 : '')!);
  if (group === 'date') return compareDateToConstant(operator, value, c);
  if (group === 'number' && typeof c === 'string') {
    const number = Number(c.trim());
    if (c.trim() !== '' && /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(c.trim())) {
      const target = numberSql(constantSql(number)!)!;
      return compareColumn(operator, value, target, '', c);
    }
    if (operator !== '=' && operator !== '!=') return null;
    // A number never equals non-numeric text; a blank cell compares as "" against it.
    const blankOrder = compareValues(null, c);
    const blankMatches = typeof blankOrder === 'number' && holds(operator, blankOrder);
    const otherMatches = operator === '!=';
    if (blankMatches === otherMatches) return constantBoolean(value, otherMatches);
    return {
      type: 'boolean',
      sql: sql`(${value.sql} IS ${[blankMatches ? 'NULL' : 'NOT NULL']})`,
      guard: value.guard,
      nullable: false,
    };
  }
  const found = value.found && typeof c === 'number' ? compareFound(operator, value, c) : null;
  if (found) return found;
  const target = group === 'number' ? numberSql(constant) : group === 'text' ? textSql(constant) : null;
  if (!target || groupOf(constant) !== group) return null;
  return compareColumn(operator, value, target, group === 'text' ? ' COLLATE "C"' : '', c);
}

// `x op c`: when a blank x would not match, NULL (no match) needs no COALESCE, which keeps the SQL hand-written fast.
function compareColumn(
  operator: Comparison,
  value: SqlValue,
  target: SqlValue,
  collate: string,
  c: Value,
): SqlValue | null {
  // What the evaluator does for a blank cell: compareValues(blank, c).
  const order = compareValues(null, c);
  if (typeof order !== 'number') return null;
  const blankMatches = holds(operator, order);
  const raw =
    value.type === 'boolean'
      ? numberSql(value)!.sql
      : value.type === 'textArray'
        ? textSql(value)!.sql
        : value.sql;
  const test = sql`${raw}${[collate]} ${[SQL_OPERATOR[operator]]} ${target.sql}`;
  const fragment = blankMatches ? sql`(${raw} IS NULL OR ${test})` : sql`(${test})`;
  return { type: 'boolean', sql: fragment, guard: value.guard, nullable: !blankMatches && value.nullable };
}

function constantBoolean(value: SqlValue, result: boolean): SqlValue {
  return { type: 'boolean', sql: [result ? 'TRUE' : 'FALSE'], guard: value.guard, nullable: false };
}

const DAY = 86_400_000;

function compareDateToConstant(operator: Comparison, value: SqlValue, c: Value): SqlValue | null {
  const instant = c instanceof FormulaDate ? c : typeof c === 'string' ? parseDateText(c) : null;
  if (!instant || (typeof c === 'string' && c.trim() === ''))
    return typeof c === 'string' && c.trim() === '' ? blankCheck(operator, value) : null;
  // A blank date compares below every date: it matches <, <= and !=.
  const blankMatches = operator === '<' || operator === '<=' || operator === '!=';
  let test: Sql;
  if (value.type === 'date') {
    const floor = Math.floor(instant.ms / DAY);
    const exactDay = instant.ms % DAY === 0;
    if (operator === '=' && !exactDay) return constantBoolean(value, false);
    const day = {
      '>': floor,
      '<=': floor,
      '>=': Math.ceil(instant.ms / DAY),
      '<': Math.ceil(instant.ms / DAY),
      '=': floor,
      '!=': floor,
    }[operator];
    if (operator === '!=' && !exactDay) return constantBoolean(value, true);
    const dayText = new Date(day * DAY).toISOString().slice(0, 10);
    if (Math.abs(day) > 2_900_000) return null;
    test = sql`${value.sql} ${[SQL_OPERATOR[operator]]} ${[param(dayText)]}::date`;
  } else {
    if (Math.abs(instant.ms) > 8e15) return null;
    test = sql`${value.sql} ${[SQL_OPERATOR[operator]]} ${[param(new Date(instant.ms).toISOString())]}::timestamptz`;
  }
  const fragment = blankMatches ? sql`(${value.sql} IS NULL OR ${test})` : sql`(${test})`;
  return { type: 'boolean', sql: fragment, guard: value.guard, nullable: !blankMatches };
}

// date op "" (or BLANK()): a blank date equals it; any date is greater.
function blankCheck(operator: Comparison, value: SqlValue): SqlValue {
  const order = sql`(CASE WHEN ${value.sql} IS NULL THEN 0 ELSE 1 END)`;
  return {
    type: 'boolean',
    sql: sql`(${order} ${[SQL_OPERATOR[operator]]} 0)`,
    guard: value.guard,
    nullable: false,
  };
}

// FIND/SEARCH against a constant below 1: every position found compares alike, so only "found" matters.
function compareFound(operator: Comparison, value: SqlValue, c: number): SqlValue | null {
  if (!(c < 1)) return null;
  const whenFound = holds(operator, 1);
  const missing = compareValues(null, c);
  const whenMissing = typeof missing === 'number' && holds(operator, missing);
  if (whenFound === whenMissing) return constantBoolean({ ...value, guard: null }, whenFound);
  return {
    type: 'boolean',
    sql: whenFound ? value.found! : sql`(NOT ${value.found!})`,
    guard: null,
    nullable: false,
  };
}
