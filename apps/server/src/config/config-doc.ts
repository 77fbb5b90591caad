import { ENV_SPEC } from './config.schema';

/** Renders docs/configuration.md's variable table from ENV_SPEC. */
export function renderConfigurationTable(): string {
  const rows = Object.entries(ENV_SPEC).map(([name, spec]) => {
    const fallback = 'default' in spec ? `\`${spec.default}\`` : '(unset)';
    return `| \`${name}\` | ${fallback} | ${spec.doc.replaceAll('|', '\\|')} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
