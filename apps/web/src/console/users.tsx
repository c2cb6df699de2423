import type { ConsoleUser } from '@pantau/contracts';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { OpdSelect } from './opd-select.tsx';

type User = ConsoleUser;
const ROLES = ['admin', 'duty_officer', 'opd_admin', 'viewer'] as const;

/** Users: add one (a one-time password shown once), reset a password, disable or enable. */
export function UsersPage(props: { names: ProvinceNames }) {
  const t = useT();
  const [users, setUsers] = useState<User[]>([]);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'duty_officer' as User['role'], opdId: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const load = useCallback(async () => {
    const r = await apiGet('GET /api/users');
    if (r) setUsers(r.users);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const oneTime = (user: string, password: string) =>
    setNotice(`${t('console.users.oneTime').replace('{user}', user)} ${password}`);
  // Search by username, name, role or OPD (its short name), case-insensitively.
  const q = query.trim().toLowerCase();
  const shown = q
    ? users.filter((u) =>
        [u.username, u.displayName, t(`console.role.${u.role}`), props.names.opd(u.opdId)].some((f) =>
          f.toLowerCase().includes(q),
        ),
      )
    : users;
  return (
    <section className="cs-page users-page" aria-labelledby="users-title">
      <h1 id="users-title">{t('console.nav.users')}</h1>
      <form
        className="cs-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void apiSend('POST /api/users', {
            body: { ...form, opdId: form.role === 'opd_admin' ? form.opdId : null },
          }).then((r) => {
            if (!r.ok) return setNotice(r.message);
            oneTime(form.username, r.body.oneTimePassword);
            void load();
          });
        }}
      >
        <label>
          {t('console.users.username')}
          <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
        </label>
        <label>
          {t('console.users.display')}
          <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </label>
        <label>
          {t('console.users.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as User['role'] })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`console.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {form.role === 'opd_admin' && (
          <label>
            {t('console.filter.opd')}
            <OpdSelect
              names={props.names}
              value={form.opdId}
              onChange={(opdId) => setForm({ ...form, opdId })}
              empty=""
            />
          </label>
        )}
        <button type="submit">{t('console.users.add')}</button>
      </form>
      {notice && (
        <p className="cs-notice" role="status">
          {notice}
        </p>
      )}
      <label className="users-search">
        {t('console.users.search')}
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="users-search"
          placeholder={t('console.users.searchHint')}
        />
        <span className="cs-note" role="status">
          {t('console.users.count').replace('{n}', String(shown.length)).replace('{total}', String(users.length))}
        </span>
      </label>
      <table className="cs-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t('console.users.username')}</th>
            <th scope="col">{t('console.users.display')}</th>
            <th scope="col">{t('console.users.role')}</th>
            <th scope="col">{t('console.filter.opd')}</th>
            <th scope="col">{t('console.calendar.state')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {shown.map((u) => (
            <tr key={u.id} data-testid="user-row" className={u.disabledAt ? 'cal-removed' : undefined}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{t(`console.role.${u.role}`)}</td>
              <td>{props.names.opd(u.opdId)}</td>
              <td>{u.disabledAt ? t('console.users.disabled') : t('console.calendar.active')}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void apiSend('POST /api/users/:id/reset-password', { params: { id: u.id } }).then(
                      (r) => r.ok && oneTime(u.username, r.body.oneTimePassword),
                    )
                  }
                >
                  {t('console.users.reset')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void apiSend('PATCH /api/users/:id', {
                      params: { id: u.id },
                      body: { disabled: !u.disabledAt },
                    }).then(load)
                  }
                >
                  {u.disabledAt ? t('console.users.enable') : t('console.users.disable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
