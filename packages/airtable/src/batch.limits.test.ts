import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import { assertBatchSize, chunk } from './batch.limits';

describe('chunk', () => {
  it('splits into groups of 10 by default, keeping order', () => {
    const items = Array.from({ length: 23 }, (_, index) => index);
    expect(chunk(items).map((group) => group.length)).toEqual([10, 10, 3]);
    expect(chunk(items).flat()).toEqual(items);
    expect(chunk([], 10)).toEqual([]);
    expect(chunk(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('assertBatchSize', () => {
  it('accepts 1 to 10 and names the limit otherwise', () => {
    expect(() => assertBatchSize(10, 'records.create')).not.toThrow();
    for (const count of [0, 11]) {
      try {
        assertBatchSize(count, 'records.create');
        expect.unreachable();
      } catch (error) {
        expect(AppError.isInstance(error) && error.details).toEqual({ limit: 10, received: count });
      }
    }
  });
});
