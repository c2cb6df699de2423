import { errorText, indonesianMessage } from '@pantau/contracts/errors';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(path)));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(path);
  }
  return out;
}

/**
 * Every message a person can meet on a screen: what the routes, case actions, the HTTP layer and sign-in answer by
 * hand (`message: '…'`), and the messages the contracts give their checks (`, '…')` after a regex or
 * refine). Template messages are covered by the catalog's patterns, tried with a sample.
 */
async function handWrittenMessages(): Promise<string[]> {
  const found = new Set<string>();
  const files = [
    ...(await sources('apps/server/src/routes')),
    ...(await sources('apps/server/src/http')),
    ...(await sources('apps/server/src/auth')),
    ...(await sources('apps/server/src/cases')),
    'apps/server/src/app.ts',
    ...(await sources('packages/contracts/src')),
  ];
  for (const file of files) {
    const text = await readFile(join(root, file), 'utf8');
    for (const m of text.matchAll(/message: '([^']+)'/g)) found.add(m[1]!);
    if (file.startsWith('packages/contracts'))
      for (const m of text.matchAll(/\.(?:regex|refine)\([^\n]*?, '([^']+)'\)/g)) found.add(m[1]!);
  }
  return [...found];
}

describe('error messages on an Indonesian screen', () => {
  it('has an Indonesian sentence for every message the server and the contracts write by hand', async () => {
    const messages = await handWrittenMessages();
    expect(messages.length).toBeGreaterThan(60);
    const missing = messages.filter((m) => indonesianMessage(m) === null);
    expect(missing, 'add these to packages/contracts/src/errors.ts').toEqual([]);
  });

  it('translates the messages with a variable part', () => {
    expect(errorText('id', 403, 'your role may not escalate this complaint')).toMatch(/^Peran Anda tidak boleh/);
    expect(errorText('id', 413, 'body larger than 64 KB')).toBe('Isi permintaan lebih besar dari 64 KB.');
    expect(errorText('id', 400, 'unknown status: nope')).toBe('Status tidak dikenal: nope.');
  });

  it('never shows an English sentence in Indonesian: an unknown message says what the status means', () => {
    expect(errorText('id', 400, 'Too small: expected string to have >=3 characters')).toBe(
      'Isian tidak valid; periksa kembali formulir.',
    );
    expect(errorText('id', 500, undefined)).toMatch(/kesalahan di server/);
    expect(errorText('en', 400, 'Too small: expected string to have >=3 characters')).toBe(
      'Too small: expected string to have >=3 characters',
    );
  });
});
