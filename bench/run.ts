// Benchmark runner: `npm run bench -- <name>` runs bench/<name>.bench.ts.
// Each benchmark prints its figures and, as its last line, `<name>: <figures> ratio=<number>`.
import { readdirSync } from 'node:fs';

const name = process.argv[2];
const available = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

const module = (await import(`./${name}.bench.ts`)) as { default: (args: string[]) => Promise<void> };
await module.default(process.argv.slice(3));
process.exit(0);
