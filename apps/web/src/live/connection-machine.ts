/**
 * The live connection as a state machine. The table below is typed so that adding a state or an event
 * without deciding every transition fails to compile. Screens render from the state; only `live`
 * means "what you see is current".
 */
export type ConnectionState = 'connecting' | 'syncing' | 'live' | 'stale' | 'offline';

export type ConnectionEvent =
  | 'connected' // the socket is open and authenticated
  | 'synced' // every subscribed topic has a snapshot or its replay applied
  | 'gap' // a delta's prevSeq did not match: resubscribing for that topic
  | 'heartbeat_late' // no heartbeat within the allowed window
  | 'heartbeat' // a heartbeat arrived
  | 'disconnected' // the socket closed; socket.io reconnects by itself
  | 'auth_failed'; // the server refused the credentials

const table: Record<ConnectionState, Record<ConnectionEvent, ConnectionState>> = {
  connecting: {
    connected: 'syncing',
    synced: 'connecting',
    gap: 'connecting',
    heartbeat_late: 'connecting',
    heartbeat: 'connecting',
    disconnected: 'offline',
    auth_failed: 'offline',
  },
  syncing: {
    connected: 'syncing',
    synced: 'live',
    gap: 'syncing',
    heartbeat_late: 'stale',
    heartbeat: 'syncing',
    disconnected: 'offline',
    auth_failed: 'offline',
  },
  live: {
    connected: 'syncing',
    synced: 'live',
    gap: 'syncing',
    heartbeat_late: 'stale',
    heartbeat: 'live',
    disconnected: 'offline',
    auth_failed: 'offline',
  },
  stale: {
    connected: 'syncing',
    synced: 'stale',
    gap: 'syncing',
    heartbeat_late: 'stale',
    heartbeat: 'live',
    disconnected: 'offline',
    auth_failed: 'offline',
  },
  offline: {
    connected: 'syncing',
    synced: 'offline',
    gap: 'offline',
    heartbeat_late: 'offline',
    heartbeat: 'offline',
    disconnected: 'offline',
    auth_failed: 'offline',
  },
};

/** The next state; pure. */
export function transition(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  return table[state][event];
}
