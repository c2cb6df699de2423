import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.ts';

let embedded: EmbeddedDatabase | undefined;

/**
 * Gives every test file a real PostgreSQL: the server in DATABASE_URL when set, otherwise one embedded
 * server for the whole run (its data under `.pantau/test-pgdata-<project>`). Files isolate themselves by schema.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(import.meta.dirname, `../../../.pantau/test-pgdata-${project.name}`),
      database: 'pantau_test',
    });
    url = embedded.url;
  }
  project.provide('databaseUrl', url);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
