import fc from 'fast-check';
import type { FormulaRecord } from '../formula.evaluate';

// Random well-typed formulas over TEST_FIELDS, as source text. Each kind has a generator; `depth` bounds nesting.
type Gen = (depth: number) => fc.Arbitrary<string>;

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const safeText = fc.string({ unit: 'grapheme', maxLength: 6 }).filter((text) => !text.includes('\0'));
const textLiteral = fc
  .oneof(fc.constantFrom('', 'a', 'A', 'ab', 'Ada', 'x y', 'é', 'Ω', '😀', '10', '-3.5', ' 7 '), safeText)
  .map(quote);
const numberLiteral = fc
  .oneof(
    fc.integer({ min: -20, max: 20 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom(0, 0.5, 1e200, -1e-200, 1e300),
  )
  .map((n) => (n < 0 ? `(${String(n)})` : String(n)).replace('e+', 'e'));
const dateLiteral = fc
  .integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2031, 0, 1) })
  .chain((ms) =>
    fc.constantFrom(
      new Date(ms).toISOString(),
      new Date(ms).toISOString().slice(0, 10),
      new Date(ms - (ms % 86_400_000)).toISOString(),
    ),
  )
  .map(quote);
const unit = fc.constantFrom(
  '"days"',
  '"hours"',
  '"minutes"',
  '"seconds"',
  '"weeks"',
  '"months"',
  '"years"',
  '"ms"',
  '"d"',
  '"M"',
);
const smallInt = fc.integer({ min: -3, max: 8 }).map(String);
const comparison = fc.constantFrom('=', '!=', '<', '>', '<=', '>=');

const num: Gen = (depth) =>
  depth <= 0
    ? fc.oneof(fc.constantFrom('{Age}', '{Price}', '{Score}'), numberLiteral)
    : fc.oneof(
        { weight: 3, arbitrary: num(0) },
        fc
          .tuple(num(depth - 1), fc.constantFrom('+', '-', '*', '/'), num(depth - 1))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        num(depth - 1).map((a) => `-${a}`),
        text(depth - 1).map((a) => `LEN(${a})`),
        fc.tuple(text(depth - 1), text(depth - 1)).map(([a, b]) => `FIND(${a}, ${b})`),
        fc.tuple(text(depth - 1), text(depth - 1)).map(([a, b]) => `SEARCH(${a}, ${b})`),
        fc
          .constantFrom('ABS', 'INT', 'ROUND', 'SQRT')
          .chain((name) => num(depth - 1).map((a) => `${name}(${a})`)),
        fc
          .constantFrom('YEAR', 'MONTH', 'DAY', 'HOUR', 'WEEKDAY', 'SECOND')
          .chain((name) => date(depth - 1).map((a) => `${name}(${a})`)),
        fc
          .tuple(date(depth - 1), date(depth - 1), unit)
          .map(([a, b, u]) => `DATETIME_DIFF(${a}, ${b}, ${u})`),
        fc.tuple(bool(depth - 1), num(depth - 1), num(depth - 1)).map(([c, a, b]) => `IF(${c}, ${a}, ${b})`),
        text(depth - 1).map((a) => `VALUE(${a})`),
        fc.constant('{Done}'),
      );

const text: Gen = (depth) =>
  depth <= 0
    ? fc.oneof(fc.constantFrom('{Name}', '{Notes}', '{Status}', '{Tags}'), textLiteral)
    : fc.oneof(
        { weight: 3, arbitrary: text(0) },
        fc.tuple(text(depth - 1), text(depth - 1)).map(([a, b]) => `${a} & ${b}`),
        fc.tuple(text(depth - 1), num(depth - 1)).map(([a, b]) => `CONCATENATE(${a}, ${b})`),
        fc
          .constantFrom('LOWER', 'UPPER', 'TRIM')
          .chain((name) => text(depth - 1).map((a) => `${name}(${a})`)),
        fc
          .tuple(fc.constantFrom('LEFT', 'RIGHT'), text(depth - 1), smallInt)
          .map(([name, a, n]) => `${name}(${a}, ${n})`),
        fc.tuple(text(depth - 1), smallInt, smallInt).map(([a, s, n]) => `MID(${a}, ${s}, ${n})`),
        fc.tuple(textLiteral).map(([sep]) => `ARRAYJOIN({Tags}, ${sep})`),
        date(depth - 1).map((a) => `DATESTR(${a})`),
        fc.constant('RECORD_ID()'),
        fc
          .tuple(text(depth - 1), textLiteral, textLiteral)
          .map(([a, b, c]) => `SUBSTITUTE(${a}, ${b}, ${c})`),
        fc
          .tuple(bool(depth - 1), text(depth - 1), text(depth - 1))
          .map(([c, a, b]) => `IF(${c}, ${a}, ${b})`),
      );

const date: Gen = (depth) =>
  depth <= 0
    ? fc.oneof(
        fc.constantFrom('{Due}', '{Meeting At}', 'CREATED_TIME()', 'TODAY()'),
        dateLiteral.map((d) => `DATETIME_PARSE(${d})`),
      )
    : fc.oneof(
        { weight: 3, arbitrary: date(0) },
        fc.tuple(date(depth - 1), smallInt, unit).map(([d, n, u]) => `DATEADD(${d}, ${n}, ${u})`),
        fc.tuple(date(depth - 1), smallInt).map(([d, n]) => `WORKDAY(${d}, ${n})`),
      );

const bool: Gen = (depth) =>
  depth <= 0
    ? fc.oneof(
        fc.constant('{Done}'),
        fc.constantFrom('TRUE()', 'FALSE()'),
        fc
          .tuple(fc.constantFrom('{Age}', '{Name}', '{Due}', '{Tags}'), comparison)
          .map(([f, op]) => `${f} ${op} BLANK()`),
      )
    : fc.oneof(
        fc.tuple(num(depth - 1), comparison, num(depth - 1)).map(([a, op, b]) => `${a} ${op} ${b}`),
        fc.tuple(text(depth - 1), comparison, text(depth - 1)).map(([a, op, b]) => `${a} ${op} ${b}`),
        fc
          .tuple(date(depth - 1), comparison, fc.oneof(date(depth - 1), dateLiteral))
          .map(([a, op, b]) => `${a} ${op} ${b}`),
        fc
          .tuple(fc.constantFrom('{Age}', '{Price}'), comparison, textLiteral)
          .map(([a, op, b]) => `${a} ${op} ${b}`),
        fc
          .tuple(
            fc.constantFrom('AND', 'OR', 'XOR'),
            fc.array(bool(depth - 1), { minLength: 1, maxLength: 3 }),
          )
          .map(([name, args]) => `${name}(${args.join(', ')})`),
        bool(depth - 1).map((a) => `NOT(${a})`),
        fc
          .tuple(
            fc.constantFrom('IS_AFTER', 'IS_BEFORE', 'IS_SAME'),
            date(depth - 1),
            fc.oneof(date(depth - 1), dateLiteral),
          )
          .map(([name, a, b]) => `${name}(${a}, ${b})`),
        fc
          .tuple(text(depth - 1), fc.constantFrom('"a"', '"^A"', '"[0-9]"'))
          .map(([a, re]) => `REGEX_MATCH(${a}, ${re})`),
        num(depth - 1).map((a) => `ISERROR(${a})`),
        fc.constant('{Done}'),
      );

/** A random filter formula: a boolean, number, text or date expression (all are valid filters). */
export const filterFormula: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: bool(3) },
  {
    weight: 2,
    arbitrary: fc.array(bool(2), { minLength: 2, maxLength: 4 }).map((parts) => `AND(${parts.join(', ')})`),
  },
  { weight: 1, arbitrary: num(2) },
  { weight: 1, arbitrary: text(2) },
  { weight: 1, arbitrary: date(1) },
);

const cellText = fc.oneof(
  fc.constantFrom('', 'a', 'A', 'Ada', 'ada', 'x y', 'é', 'ÉCOLE', '😀x', '10', '-3.5', ' 7 ', 'b, c'),
  safeText,
);
const cellNumber = fc.oneof(
  fc.integer({ min: -50, max: 50 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e200, 1e-200, 36),
);
const cellMs = fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2031, 0, 1) });

/** A random record of the test table (cell JSON keyed by field id); absent keys are empty cells. */
export const testRecord = (id: string): fc.Arbitrary<FormulaRecord> =>
  fc
    .record(
      {
        fldName0000000001: cellText,
        fldNotes000000001: cellText,
        fldAge00000000001: cellNumber,
        fldPrice000000001: cellNumber,
        fldDone0000000001: fc.boolean(),
        fldStatus00000001: fc.constantFrom('Todo', 'Done', 'todo', ''),
        fldTags0000000001: fc.array(fc.oneof(fc.constantFrom('a', 'b', 'Ω', ''), safeText), { maxLength: 3 }),
        fldDue00000000001: cellMs.map((ms) => new Date(ms).toISOString().slice(0, 10)),
        fldAt000000000001: cellMs.map((ms) => new Date(ms).toISOString()),
        fldScore000000001: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] },
    )
    .chain((fields) => cellMs.map((ms) => ({ id, createdTime: new Date(ms).toISOString(), fields })));
