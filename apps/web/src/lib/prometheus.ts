/**
 * A small, tolerant parser for the Prometheus text exposition format (0.0.4), which prom-client
 * writes, and the common subset of OpenMetrics. A line it cannot read is skipped and reported in
 * `skippedLines`, never thrown: a status page should show what it can.
 */

/** Metric types named by `# TYPE` lines; anything else is read as `untyped`. */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

/** One sample line: `name{labels} value [timestamp]`. */
export interface Sample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
  timestampMs?: number;
}

/** The samples of one metric, with its `# HELP` and `# TYPE` lines. */
export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  samples: Sample[];
}

/** What a parse gives: the families by name, and the 1-based numbers of lines it skipped. */
export interface ParsedMetrics {
  families: Map<string, MetricFamily>;
  skippedLines: number[];
}

const knownTypes = new Set<string>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
// Sample-name suffixes that belong to a family of another name (histogram, summary, counter).
const familySuffixes = ['_bucket', '_count', '_sum', '_created', '_total'];
const metricNamePattern = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*/;

/** Parses exposition text into metric families; unreadable lines are skipped. */
export function parsePrometheusText(text: string): ParsedMetrics {
  const parsed: ParsedMetrics = { families: new Map(), skippedLines: [] };
  const lines = text.split(/\r?\n/);
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (line === '# EOF') break;
    const ok = line.startsWith('#') ? readComment(parsed, line) : readSample(parsed, line);
    if (!ok) parsed.skippedLines.push(index + 1);
  }
  return parsed;
}

/** Every sample named exactly `name`, whichever family it belongs to. */
export function findSamples(parsed: ParsedMetrics, name: string): Sample[] {
  const found: Sample[] = [];
  for (const family of parsed.families.values()) {
    for (const sample of family.samples) if (sample.name === name) found.push(sample);
  }
  return found;
}

/** The value of the first sample named `name`, or undefined. */
export function firstValue(parsed: ParsedMetrics, name: string): number | undefined {
  return findSamples(parsed, name)[0]?.value;
}

/** Reads a number as Prometheus writes it, including `NaN`, `+Inf` and `-Inf`. */
export function parseSampleValue(token: string): number | undefined {
  if (token === 'NaN') return Number.NaN;
  if (token === '+Inf' || token === 'Inf') return Number.POSITIVE_INFINITY;
  if (token === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(token)) return undefined;
  return Number(token);
}

function readComment(parsed: ParsedMetrics, line: string): boolean {
  const match = /^#\s*(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$/.exec(line);
  if (!match) return true; // a plain comment
  const [, keyword, name = '', rest = ''] = match;
  const family = familyNamed(parsed, name);
  if (keyword === 'HELP') family.help = unescapeHelp(rest);
  else family.type = knownTypes.has(rest.toLowerCase()) ? (rest.toLowerCase() as MetricType) : 'untyped';
  return true;
}

function readSample(parsed: ParsedMetrics, line: string): boolean {
  const sample = parseSampleLine(line);
  if (!sample) return false;
  familyOfSample(parsed, sample.name).samples.push(sample);
  return true;
}

function parseSampleLine(line: string): Sample | undefined {
  const name = metricNamePattern.exec(line)?.[0];
  if (!name) return undefined;
  let position = name.length;
  let labels: Record<string, string> = {};
  if (line[position] === '{') {
    const read = parseLabels(line, position + 1);
    if (!read) return undefined;
    ({ labels, position } = read);
  }
  // OpenMetrics exemplars follow ` # `; they are not needed here.
  const [valueToken = '', timestampToken] = line.slice(position).split(' # ')[0]!.trim().split(/\s+/);
  const value = parseSampleValue(valueToken);
  if (value === undefined) return undefined;
  const timestampMs = timestampToken === undefined ? undefined : Number(timestampToken);
  if (timestampMs !== undefined && !Number.isFinite(timestampMs)) return undefined;
  return timestampMs === undefined ? { name, labels, value } : { name, labels, value, timestampMs };
}

/** Reads `name="value",...}` from `start` (just after `{`); undefined if it is malformed. */
function parseLabels(line: string, start: number) {
  const labels: Record<string, string> = {};
  let position = skipSpaces(line, start);
  while (line[position] !== '}') {
    const name = labelNamePattern.exec(line.slice(position))?.[0];
    if (!name) return undefined;
    position = skipSpaces(line, position + name.length);
    if (line[position] !== '=') return undefined;
    position = skipSpaces(line, position + 1);
    const value = readQuoted(line, position);
    if (!value) return undefined;
    labels[name] = value.text;
    position = skipSpaces(line, value.end);
    if (line[position] === ',') position = skipSpaces(line, position + 1);
    else if (line[position] !== '}') return undefined;
  }
  return { labels, position: position + 1 };
}

/** Reads a double-quoted label value with `\\`, `\"` and `\n` escapes. */
function readQuoted(line: string, start: number): { text: string; end: number } | undefined {
  if (line[start] !== '"') return undefined;
  let text = '';
  for (let position = start + 1; position < line.length; position++) {
    const char = line[position];
    if (char === '"') return { text, end: position + 1 };
    if (char !== '\\') {
      text += char;
      continue;
    }
    const next = line[++position];
    if (next === undefined) return undefined;
    // Unknown escapes are kept as written, as the Prometheus parser does.
    text += next === 'n' ? '\n' : next === '\\' || next === '"' ? next : `\\${next}`;
  }
  return undefined;
}

function skipSpaces(line: string, position: number): number {
  while (line[position] === ' ' || line[position] === '\t') position++;
  return position;
}

function unescapeHelp(help: string): string {
  return help.replace(/\\(\\|n)/g, (_match, char: string) => (char === 'n' ? '\n' : '\\'));
}

function familyNamed(parsed: ParsedMetrics, name: string): MetricFamily {
  let family = parsed.families.get(name);
  if (!family) {
    family = { name, type: 'untyped', help: '', samples: [] };
    parsed.families.set(name, family);
  }
  return family;
}

function familyOfSample(parsed: ParsedMetrics, sampleName: string): MetricFamily {
  const exact = parsed.families.get(sampleName);
  if (exact) return exact;
  for (const suffix of familySuffixes) {
    if (!sampleName.endsWith(suffix)) continue;
    const family = parsed.families.get(sampleName.slice(0, -suffix.length));
    if (family && family.type !== 'gauge' && family.type !== 'untyped') return family;
  }
  return familyNamed(parsed, sampleName);
}
