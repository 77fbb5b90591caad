import { describe, expect, it } from 'vitest';
import { metricsText } from '../test/fixtures';
import { findSamples, firstValue, parsePrometheusText, parseSampleValue } from './prometheus';

describe('parsePrometheusText', () => {
  it('reads HELP, TYPE and samples of prom-client output', () => {
    const parsed = parsePrometheusText(metricsText);
    const rss = parsed.families.get('process_resident_memory_bytes');
    expect(rss).toMatchObject({ type: 'gauge', help: 'Resident memory size in bytes.' });
    expect(rss?.samples).toEqual([{ name: 'process_resident_memory_bytes', labels: {}, value: 124151808 }]);
    expect(parsed.families.get('process_cpu_seconds_total')?.type).toBe('counter');
    expect(parsed.skippedLines).toEqual([]);
  });

  it('groups _bucket, _sum and _count samples under their histogram', () => {
    const parsed = parsePrometheusText(metricsText);
    const histogram = parsed.families.get('http_server_request_duration_seconds');
    expect(histogram?.type).toBe('histogram');
    expect(histogram?.samples).toHaveLength(21);
    expect(parsed.families.has('http_server_request_duration_seconds_bucket')).toBe(false);
    const first = histogram?.samples[0];
    expect(first?.labels).toEqual({
      le: '0.005',
      http_request_method: 'GET',
      http_route: '/v0/{baseId}/{tableIdOrName}',
      http_response_status_code: '200',
    });
  });

  it('unescapes quotes, backslashes and newlines in label values', () => {
    const parsed = parsePrometheusText(
      'errors_total{message="said \\"no\\"",path="C:\\\\data",text="a\\nb",odd="\\x"} 2\n',
    );
    expect(findSamples(parsed, 'errors_total')[0]?.labels).toEqual({
      message: 'said "no"',
      path: 'C:\\data',
      text: 'a\nb',
      odd: '\\x',
    });
  });

  it('keeps commas, braces and spaces that sit inside quoted label values', () => {
    const parsed = parsePrometheusText('requests{route="/a,b/{id} x", code="200",} 7 1700000000000');
    expect(findSamples(parsed, 'requests')).toEqual([
      {
        name: 'requests',
        labels: { route: '/a,b/{id} x', code: '200' },
        value: 7,
        timestampMs: 1700000000000,
      },
    ]);
  });

  it('reads NaN, +Inf, -Inf and exponents', () => {
    const parsed = parsePrometheusText('a NaN\nb +Inf\nc -Inf\nd 1.5e-3\ne -2\nf Inf\n');
    expect(firstValue(parsed, 'a')).toBeNaN();
    expect(firstValue(parsed, 'b')).toBe(Number.POSITIVE_INFINITY);
    expect(firstValue(parsed, 'c')).toBe(Number.NEGATIVE_INFINITY);
    expect(firstValue(parsed, 'd')).toBe(0.0015);
    expect(firstValue(parsed, 'e')).toBe(-2);
    expect(firstValue(parsed, 'f')).toBe(Number.POSITIVE_INFINITY);
  });

  it('skips malformed lines, reports them, and reads the rest', () => {
    const text = [
      'good 1',
      'no_value',
      'bad_labels{a="1" 2',
      'unterminated{a="1} 3',
      'word_value{a="1"} lots',
      '{"quoted"} 4',
      'also_good{a="x"} 5',
    ].join('\n');
    const parsed = parsePrometheusText(text);
    expect(parsed.skippedLines).toEqual([2, 3, 4, 5, 6]);
    expect(firstValue(parsed, 'good')).toBe(1);
    expect(firstValue(parsed, 'also_good')).toBe(5);
  });

  it('tolerates CRLF, plain comments, unknown types, exemplars and # EOF', () => {
    const text = [
      '# a comment',
      '# HELP multi Two\\nlines with a \\\\ backslash',
      '# TYPE multi gaugehistogram',
      'multi 1',
      '# TYPE req counter',
      'req_total{a="b"} 3 # {trace_id="abc"} 0.5',
      '# EOF',
      'after_eof 1',
    ].join('\r\n');
    const parsed = parsePrometheusText(text);
    expect(parsed.families.get('multi')).toMatchObject({
      type: 'untyped',
      help: 'Two\nlines with a \\ backslash',
    });
    expect(parsed.families.get('req')?.samples).toEqual([
      { name: 'req_total', labels: { a: 'b' }, value: 3 },
    ]);
    expect(parsed.families.has('after_eof')).toBe(false);
    expect(parsed.skippedLines).toEqual([]);
  });

  it('puts samples without a TYPE line into an untyped family of their own name', () => {
    const parsed = parsePrometheusText('lonely_count 4');
    expect(parsed.families.get('lonely_count')).toMatchObject({ type: 'untyped', samples: [{ value: 4 }] });
  });

  it('returns no families for empty input', () => {
    expect(parsePrometheusText('').families.size).toBe(0);
  });
});

describe('parseSampleValue', () => {
  it('refuses text that is not a number', () => {
    expect(parseSampleValue('')).toBeUndefined();
    expect(parseSampleValue('0x10')).toBeUndefined();
    expect(parseSampleValue('nan')).toBeUndefined();
    expect(parseSampleValue('.5')).toBe(0.5);
  });
});
