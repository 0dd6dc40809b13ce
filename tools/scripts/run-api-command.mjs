// `npm run migrate` and `npm run seed -- --attendances N`: the API's command-line entry point.
import { build, runNode } from './nx-build.mjs';

build(['api']);
await runNode('dist/apps/api/cli.js', process.argv.slice(2));
