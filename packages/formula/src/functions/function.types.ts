import type { Value } from '../values.types';

/** What a running formula knows besides its arguments: the record and the clock. */
export interface EvaluationContext {
  /** The record's id (`rec...`), for RECORD_ID(). */
  readonly recordId: string;
  /** Epoch ms of the record's creation, for CREATED_TIME(). */
  readonly createdTime: number;
  /** Epoch ms of the last change, for LAST_MODIFIED_TIME() (defaults to createdTime). */
  readonly lastModifiedTime: number;
  /** Epoch ms of "now" for NOW() and TODAY(), fixed for one query so that SQL and evaluation agree. */
  readonly now: number;
}

/** A delayed argument, for functions that evaluate only some arguments (IF, SWITCH, ISERROR). */
export type Thunk = () => Value;

/** Catalogue groups, as in Airtable's formula reference. */
export type FunctionCategory = 'logical' | 'numeric' | 'text' | 'date' | 'array' | 'record';

interface FunctionBase {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** One line for docs/formulas.md and error messages. */
  readonly signature: string;
}

/** A function whose arguments are evaluated first; an error argument makes the result that error. */
export interface EagerFunction extends FunctionBase {
  readonly lazy?: false;
  /** True when the result can change between two runs with the same arguments (NOW, TODAY). */
  readonly volatile?: boolean;
  readonly evaluate: (args: Value[], context: EvaluationContext) => Value;
}

/** A function that decides which arguments to evaluate. */
export interface LazyFunction extends FunctionBase {
  readonly lazy: true;
  readonly evaluate: (args: Thunk[], context: EvaluationContext) => Value;
}

/** One function of the catalogue. */
export type FunctionSpec = EagerFunction | LazyFunction;
