import type { TopicStateOf } from '@pantau/contracts';
import { useEffect, useSyncExternalStore } from 'react';
import { LiveClient } from './live-client.ts';
import type { ConnectionState } from './connection-machine.ts';

let shared: LiveClient | null = null;

/** Reads the wall's device token from `?device=` (then keeps it) or from storage. */
export function deviceTokenFromPage(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('device');
  if (fromUrl) {
    window.localStorage.setItem('pantau.deviceToken', fromUrl);
    // Keep the token out of the address bar (and out of screenshots of it).
    const url = new URL(window.location.href);
    url.searchParams.delete('device');
    window.history.replaceState(null, '', url);
    return fromUrl;
  }
  return window.localStorage.getItem('pantau.deviceToken');
}

/** The page's one live connection (created on first use). */
export function liveClient(): LiveClient {
  if (!shared) {
    const token = deviceTokenFromPage();
    // A wall keeps its last figures across a reboot of its PC while the server is unreachable.
    const onWall = window.location.pathname === '/wall' || window.location.pathname.startsWith('/wall/');
    shared = new LiveClient({
      url: '',
      namespace: '/live',
      auth: token ? { deviceToken: token } : {},
      ...(onWall ? { persist: { storage: window.localStorage, key: 'pantau.wall.topics' } } : {}),
    });
  }
  return shared;
}

/** Subscribes to a topic for as long as the component is mounted; re-renders on every change. */
export function useLiveTopic<T extends string>(
  topic: T,
): { state: TopicStateOf<T> | null; seq: number; connection: ConnectionState } {
  const client = liveClient();
  useEffect(() => {
    client.subscribe(topic);
  }, [client, topic]);
  const subscribe = (fn: () => void) => client.onChange(fn);
  const snapshot = useSyncExternalStore(subscribe, () => client.topics.get(topic));
  const connection = useSyncExternalStore(subscribe, () => client.state);
  // The server builds each topic's content as its contract type (`TopicStateOf`), and the client only
  // applies its diffs: the content is that type, read here once instead of cast at every use.
  return { state: (snapshot?.state ?? null) as TopicStateOf<T> | null, seq: snapshot?.seq ?? 0, connection };
}

/** The newest heartbeat (server time, sources' freshness), re-rendering when one arrives. */
export function useHeartbeat() {
  const client = liveClient();
  return useSyncExternalStore(
    (fn) => client.onChange(fn),
    () => client.lastHeartbeat,
  );
}

/** Why the server refused this screen for good (`unauthorized`: a missing, revoked or wrong token), or null. */
export function useLiveRefusal(): string | null {
  const client = liveClient();
  return useSyncExternalStore(
    (fn) => client.onChange(fn),
    () => client.refusal,
  );
}

/** When the figures on screen were last current (ms since epoch; 0: never). */
export function useDataAt(): number {
  const client = liveClient();
  return useSyncExternalStore(
    (fn) => client.onChange(fn),
    () => client.dataAt,
  );
}
