import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiReferenceMarkdown } from '../../src-main/docs/apiReference';
import { METHOD_NAMES } from '../../src-shared/api';

const FILE = 'docs/api.md';

describe('the generated API reference', () => {
  it('documents every method of the registry and is up to date (npm run docs regenerates it)', () => {
    const text = apiReferenceMarkdown();
    for (const name of METHOD_NAMES) expect(text).toContain(`## ${name}`);
    if (process.env.UPDATE_DOCS === '1' || !existsSync(FILE)) writeFileSync(FILE, text);
    expect(readFileSync(FILE, 'utf8'), `${FILE} is stale: run npm run docs`).toBe(text);
  });
});
