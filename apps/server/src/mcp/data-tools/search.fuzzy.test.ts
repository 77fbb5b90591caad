import { describe, expect, it } from 'vitest';
import { createMatcher, editDistance, words } from './search.fuzzy';

describe('fuzzy search scoring', () => {
  it('normalises words across scripts and accents', () => {
    expect(words('Crème Brûlée, São-Paulo 42')).toEqual(['creme', 'brulee', 'sao', 'paulo', '42']);
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('jonh', 'john')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('ranks exact over prefix over typo, and misses unrelated text', () => {
    const match = createMatcher('john');
    const exact = match(['John Smith']);
    const prefix = match(['Johnny Cash']);
    const typo = createMatcher('jonh')(['John Smith']);
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
    expect(match(['Mary Jones'])).toBe(0);
  });

  it('rewards the whole phrase and needs every word for a full score', () => {
    const match = createMatcher('red apple');
    expect(match(['a red apple pie'])).toBeGreaterThan(match(['apple, red']));
    expect(match(['red car'])).toBeLessThan(match(['apple, red']));
  });
});
