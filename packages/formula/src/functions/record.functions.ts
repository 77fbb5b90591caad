import { FormulaDate } from '../values.types';
import { eager, MANY } from './function.helpers';
import type { FunctionSpec } from './function.types';

/** RECORD_ID, CREATED_TIME, LAST_MODIFIED_TIME. */
export const recordFunctions: FunctionSpec[] = [
  eager('record', 'RECORD_ID()', [0, 0], (_args, context) => context.recordId),
  eager('record', 'CREATED_TIME()', [0, 0], (_args, context) => new FormulaDate(context.createdTime)),
  // With field arguments Airtable reports the last change of those fields; Tableport keeps one time per record.
  eager(
    'record',
    'LAST_MODIFIED_TIME([field, ...])',
    [0, MANY],
    (_args, context) => new FormulaDate(context.lastModifiedTime),
  ),
];
