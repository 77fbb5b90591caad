import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatPercent, formatSeconds, formatUptime } from './format';

describe('format', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(124151808)).toBe('118.4 MiB');
    expect(formatBytes(undefined)).toBe('—');
  });

  it('formats latencies in ms below a second', () => {
    expect(formatSeconds(0.000421)).toBe('0.42 ms');
    expect(formatSeconds(0.0123)).toBe('12.3 ms');
    expect(formatSeconds(1.25)).toBe('1.25 s');
    expect(formatSeconds(Number.NaN)).toBe('—');
  });

  it('formats uptime as its two largest units', () => {
    expect(formatUptime(12.3)).toBe('12 s');
    expect(formatUptime(3725.4)).toBe('1 h 2 min');
    expect(formatUptime(3 * 86_400 + 4 * 3600 + 5)).toBe('3 d 4 h');
    expect(formatUptime(7200)).toBe('2 h');
    expect(formatUptime(0)).toBe('0 s');
  });

  it('formats ratios and counts', () => {
    expect(formatPercent(0.01818)).toBe('1.8%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatCount(12345)).toBe('12,345');
  });
});
