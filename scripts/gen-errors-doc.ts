// Regenerates the generated parts of docs/: errors.md from the error registry and the variable
// table of configuration.md (between its env:start/env:end markers) from ENV_SPEC.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderConfigurationTable } from '../apps/server/src/config/config-doc';
import { renderErrorsDoc } from '../packages/contracts/src/errors/errors-doc';

writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorsDoc());
const configDoc = new URL('../docs/configuration.md', import.meta.url);
const text = readFileSync(configDoc, 'utf8');
const updated = text.replace(
  /<!-- env:start -->[\s\S]*<!-- env:end -->/,
  `<!-- env:start -->\n${renderConfigurationTable()}\n<!-- env:end -->`,
);
writeFileSync(configDoc, updated);
console.log('docs/errors.md and docs/configuration.md written');
