// `npm start`: build what changed, then run the API, which migrates, seeds an empty database
// and serves the web app and the API on PORT.
import { build, runNode } from './nx-build.mjs';

build(['api', 'web']);
await runNode('dist/apps/api/main.js');
