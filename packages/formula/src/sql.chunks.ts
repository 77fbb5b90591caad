/** A piece of SQL: literal SQL text, or a value that is always sent as a bound parameter. */
export type SqlChunk = string | { readonly param: unknown };

/** A SQL fragment as a list of chunks; compose by concatenating arrays. */
export type Sql = readonly SqlChunk[];

/** A bound parameter (never spliced into the SQL text). */
export function param(value: unknown): SqlChunk {
  return { param: value };
}

/** Joins fragments with a separator such as `' AND '`. */
export function joinSql(parts: readonly Sql[], separator: string): Sql {
  const out: SqlChunk[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(separator);
    out.push(...part);
  });
  return out;
}

/** Tagged template: strings are SQL text, interpolated values must be Sql fragments. */
export function sql(strings: TemplateStringsArray, ...fragments: Sql[]): Sql {
  const out: SqlChunk[] = [strings[0]!];
  fragments.forEach((fragment, index) => out.push(...fragment, strings[index + 1]!));
  return out;
}

/** Renders chunks to `{text, params}` with `$n` placeholders numbered from `startIndex` (default 1). */
export function renderSql(
  chunks: Sql,
  options: { startIndex?: number } = {},
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  let text = '';
  const start = options.startIndex ?? 1;
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text += chunk;
    else {
      params.push(chunk.param);
      text += `$${start + params.length - 1}`;
    }
  }
  return { text, params };
}
