// P7: the initial JS stays under budget and ngx-charts ships only with the lazy dashboard chunk.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const DIST = 'dist/apps/web/browser';

describe('web bundle', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="([\w-]+\.js)"/g)].map((match) => match[1]);

  it('keeps the initial JS under 500 kB without ngx-charts', () => {
    assert.ok(
      initial.some((file) => file.startsWith('main-')),
      'index.html loads main',
    );
    const bytes = initial.reduce((sum, file) => sum + readFileSync(join(DIST, file)).length, 0);
    assert.ok(bytes <= 500 * 1000, `initial JS is ${bytes} bytes`);
    for (const file of initial) assert.doesNotMatch(readFileSync(join(DIST, file), 'utf8'), /ngx-charts/, `${file} must not carry ngx-charts`);
  });

  it('ships ngx-charts in a lazy chunk', () => {
    const lazy = readdirSync(DIST).filter((file) => file.endsWith('.js') && !initial.includes(file));
    assert.ok(lazy.some((file) => /ngx-charts/.test(readFileSync(join(DIST, file), 'utf8'))));
  });
});
