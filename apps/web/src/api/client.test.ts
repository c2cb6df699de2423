import { API, type ApiKey } from '@pantau/contracts/api';
import { describe, expect, it } from 'vitest';
import { apiSend, apiUrl } from './client.ts';

describe('the typed API client', () => {
  it('fills path parameters, encoded, and writes the query without empty values', () => {
    expect(apiUrl('GET /api/complaints/:id', { params: { id: 'a/b c' } })).toBe('/api/complaints/a%2Fb%20c');
    expect(apiUrl('POST /api/sources/connectors/:kind/:id/pause', { params: { kind: 'lapor', id: 'kalteng' } })).toBe(
      '/api/sources/connectors/lapor/kalteng/pause',
    );
    expect(apiUrl('GET /api/worklist', { query: { deadlineState: 'overdue', opd: undefined, limit: 1 } })).toBe(
      '/api/worklist?deadlineState=overdue&limit=1',
    );
    expect(apiUrl('GET /api/wall/playlist', { query: { screen: '*' } })).toBe('/api/wall/playlist?screen=*');
    expect(apiUrl('GET /api/audit', { query: '?before=9' })).toBe('/api/audit?before=9');
    expect(apiUrl('GET /api/users')).toBe('/api/users');
  });

  it('names only routes of the table, whose path parameters it can fill', () => {
    for (const key of Object.keys(API) as ApiKey[]) {
      const names = [...key.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, `x-${n}`]));
      expect(apiUrl(key, { params })).not.toContain(':');
    }
  });

  it('refuses at compile time a wrong route, a missing parameter or a body the contract does not take', () => {
    // These calls are never made: `pnpm typecheck` fails if any of them stops being a type error.
    const never = false as boolean;
    if (never) {
      // @ts-expect-error not a route of the API table
      void apiSend('POST /api/nowhere');
      // @ts-expect-error :id is required
      void apiSend('DELETE /api/devices/:id');
      // @ts-expect-error a device needs a name
      void apiSend('POST /api/devices', { body: {} });
      // @ts-expect-error the scene must be one of the wall's scenes
      void apiSend('POST /api/wall/screens/:id/show', { params: { id: 'w' }, body: { scene: 'nope' } });
    }
    expect(never).toBe(false);
  });
});
