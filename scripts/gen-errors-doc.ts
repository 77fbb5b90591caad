// Writes docs/errors.md from the error code registry.
import { writeFileSync } from 'node:fs';
import { renderErrorsDoc } from '../packages/contracts/src/errors/errors-doc';

writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorsDoc());
console.log('docs/errors.md written');
