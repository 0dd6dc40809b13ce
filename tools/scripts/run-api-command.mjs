// `npm run migrate`, `npm run seed -- --attendances N`, `npm run backup`, `npm run restore -- <file>`: the API's command-line entry point.
import { build, runNode } from './nx-build.mjs';

build(['api']);
await runNode('dist/apps/api/cli.js', process.argv.slice(2));
