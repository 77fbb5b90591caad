import type { BoundNode } from './formula.bind';
import { sql, type Sql } from './sql.chunks';
import { numberSql, textSql, truthSql } from './sql.coerce';
import type { SqlCompileContext } from './sql.compile';
import { compileSqlValue } from './sql.compile';
import { dateSqlFunctions } from './sql.dates';
import { guardOf, guards, strict, type SqlValue } from './sql.value';

/** Compiles one function's call; null when SQL cannot compute it exactly. */
export type SqlFunctionCompiler = (
  args: SqlValue[],
  nodes: BoundNode[],
  context: SqlCompileContext,
) => SqlValue | null;

const ASTRAL_FREE = (text: Sql) => sql`${text} !~ '[\\U00010000-\\U0010FFFF]'`;
const ASCII_ONLY = (text: Sql) => sql`${text} !~ '[^\\x01-\\x7F]'`;

function boolean(fragment: Sql, guard: Sql | null, nullable = true): SqlValue {
  return { type: 'boolean', sql: fragment, guard, nullable };
}

function logical(join: ' AND ' | ' OR '): SqlFunctionCompiler {
  return (args) => {
    if (args.some((arg) => arg.type === 'textArray')) return null; // AND/OR flatten arrays element by element
    const truths = args.map(truthSql);
    const fragment = [
      '(',
      ...truths.flatMap((truth, index) => (index === 0 ? truth.sql : [join, ...truth.sql])),
      ')',
    ];
    return boolean(
      fragment,
      guardOf(...truths),
      truths.some((truth) => truth.nullable),
    );
  };
}

function integerConstant(value: SqlValue | undefined): number | null {
  const constant = value?.constant?.value;
  return typeof constant === 'number' && Number.isFinite(constant) && Math.abs(constant) < 1e9
    ? Math.trunc(constant)
    : null;
}

function textFunction(build: (text: SqlValue, args: SqlValue[]) => SqlValue | null): SqlFunctionCompiler {
  return (args) => {
    const text = textSql(args[0]!);
    return text && build(text, args);
  };
}

function sliced(build: (text: Sql, counts: number[]) => Sql, countArgs: number): SqlFunctionCompiler {
  return textFunction((text, args) => {
    const counts = args.slice(1, 1 + countArgs).map(integerConstant);
    if (counts.some((count) => count === null)) return null;
    return {
      type: 'text',
      sql: build(text.sql, counts as number[]),
      guard: guards(text.guard, ASTRAL_FREE(text.sql)),
      nullable: false,
    };
  });
}

function position(blankWhenMissing: boolean): SqlFunctionCompiler {
  return (args) => {
    if (args.length > 2) return null;
    const needle = textSql(args[0]!);
    const haystack = textSql(args[1]!);
    if (!needle || !haystack) return null;
    const found = sql`strpos(${haystack.sql}, ${needle.sql})::float8`;
    return {
      type: 'number',
      sql: blankWhenMissing ? sql`NULLIF(${found}, 0)` : found,
      guard: guards(guardOf(needle, haystack), ASTRAL_FREE(haystack.sql)),
      nullable: blankWhenMissing,
      ...(guardOf(needle, haystack) === null
        ? { found: sql`(strpos(${haystack.sql}, ${needle.sql}) > 0)` }
        : {}),
    };
  };
}

function numeric(build: (number: Sql) => Sql): SqlFunctionCompiler {
  return (args) => {
    const number = numberSql(args[0]!);
    return number && { type: 'number', sql: build(number.sql), guard: number.guard, nullable: false };
  };
}

function sameTypeBranches(a: SqlValue, b: SqlValue): [Sql, Sql] | null {
  if (a.type === b.type) return [a.sql, b.sql];
  if (b.type === 'blank' && a.type !== 'blank') return [a.sql, sql`NULL::${[CAST[a.type]]}`];
  if (a.type === 'blank' && b.type !== 'blank') return [sql`NULL::${[CAST[b.type]]}`, b.sql];
  return null;
}

const CAST: Record<SqlValue['type'], string> = {
  text: 'text',
  number: 'float8',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  textArray: 'text[]',
  blank: 'text',
};

const COMPILERS: Record<string, SqlFunctionCompiler> = {
  AND: logical(' AND '),
  OR: logical(' OR '),
  NOT: ([value]) => {
    const truth = truthSql(value!);
    return boolean(sql`(NOT ${strict(truth)})`, truth.guard, false);
  },
  IF: ([condition, yes, no]) => {
    const test = truthSql(condition!);
    const otherwise = no ?? { type: 'blank', sql: ['NULL'], guard: null, nullable: true };
    const branches = sameTypeBranches(yes!, otherwise);
    if (!branches) return null;
    const type = yes!.type === 'blank' ? otherwise.type : yes!.type;
    const fragment = sql`(CASE WHEN ${test.sql} THEN ${branches[0]} ELSE ${branches[1]} END)`;
    return { type, sql: fragment, guard: guardOf(test, yes!, otherwise), nullable: true };
  },
  ISERROR: ([value]) => boolean(['FALSE'], value!.guard, false),
  LEN: textFunction((text) => ({
    type: 'number',
    sql: sql`length(${text.sql})::float8`,
    guard: guards(text.guard, ASTRAL_FREE(text.sql)),
    nullable: false,
  })),
  FIND: position(false),
  SEARCH: position(true),
  LOWER: textFunction((text) => ({
    type: 'text',
    sql: sql`lower(${text.sql} COLLATE "C")`,
    guard: guards(text.guard, ASCII_ONLY(text.sql)),
    nullable: false,
  })),
  UPPER: textFunction((text) => ({
    type: 'text',
    sql: sql`upper(${text.sql} COLLATE "C")`,
    guard: guards(text.guard, ASCII_ONLY(text.sql)),
    nullable: false,
  })),
  LEFT: sliced((text, [count]) => sql`left(${text}, ${[String(Math.max(0, count!))]})`, 1),
  RIGHT: sliced((text, [count]) => (count! <= 0 ? ["''"] : sql`right(${text}, ${[String(count)]})`), 1),
  MID: sliced(
    (text, [start, count]) =>
      sql`substr(${text}, ${[String(Math.max(0, start! - 1) + 1)]}, ${[String(Math.max(0, count!))]})`,
    2,
  ),
  CONCATENATE: (args) => {
    const texts = args.map(textSql);
    if (texts.some((text) => text === null)) return null;
    const parts = texts as SqlValue[];
    const fragment = [
      '(',
      ...parts.flatMap((part, index) => (index === 0 ? part.sql : [' || ', ...part.sql])),
      ')',
    ];
    return { type: 'text', sql: fragment, guard: guardOf(...parts), nullable: false };
  },
  ARRAYJOIN: ([value, separator]) => {
    if (separator && separator.type !== 'text') return null;
    if (value!.type !== 'textArray') return separator ? null : textSql(value!);
    const glue = separator ? separator.sql : ["', '"];
    return {
      type: 'text',
      sql: sql`COALESCE(array_to_string(${value!.sql}, ${glue}), '')`,
      guard: guardOf(value!, ...(separator ? [separator] : [])),
      nullable: false,
    };
  },
  ABS: numeric((number) => sql`abs(${number})`),
  INT: numeric((number) => sql`floor(${number})`),
  ...dateSqlFunctions,
};

/** Compiles a function call (record functions go to the resolver). */
export function compileFunction(
  node: BoundNode & { kind: 'call' },
  context: SqlCompileContext,
): SqlValue | null {
  const resolver = context.resolver;
  if (node.name === 'RECORD_ID') return wrap('text', resolver.recordId(), false);
  if (node.name === 'CREATED_TIME') return wrap('timestamp', resolver.createdTime(), false);
  if (node.name === 'LAST_MODIFIED_TIME')
    return node.args.length === 0 ? wrap('timestamp', resolver.lastModifiedTime(), false) : null;
  const compiler = COMPILERS[node.name];
  if (!compiler) return null;
  const args: SqlValue[] = [];
  for (const arg of node.args) {
    const value = compileSqlValue(arg, context);
    if (value === null) return null;
    args.push(value);
  }
  return compiler(args, node.args, context);
}

function wrap(type: 'text' | 'timestamp', fragment: Sql | null, nullable: boolean): SqlValue | null {
  return fragment === null ? null : { type, sql: sql`(${fragment})`, guard: null, nullable };
}
