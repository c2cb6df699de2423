import { useState } from 'react';
import { errorText } from '@pantau/contracts/errors';
import { apiSend } from '../api/client.ts';
import { screenLocale } from '../api/session.ts';
import { useT } from '../i18n/index.ts';
import { safeNextPath } from './next-path.ts';

/** Where to go after signing in: only a path inside Pantau (never another site). */
function nextPath(): string {
  return safeNextPath(new URLSearchParams(window.location.search).get('next'), window.location.origin);
}

/** Sign-in, and the forced replacement of a one-time password. */
export function LoginPage() {
  const t = useT();
  const expired = new URLSearchParams(window.location.search).get('expired') === '1';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [change, setChange] = useState<{ current: string } | null>(null);
  const [newPassword, setNewPassword] = useState('');

  const submit = async () => {
    setError(null);
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json().catch(() => null)) as {
      user?: { mustChangePassword: boolean };
      error?: { message: string };
    } | null;
    if (!res.ok || !body?.user) return setError(errorText(screenLocale(), res.status, body?.error?.message));
    if (body.user.mustChangePassword) return setChange({ current: password });
    window.location.assign(nextPath());
  };
  const savePassword = async () => {
    setError(null);
    const r = await apiSend('POST /api/auth/password', { body: { currentPassword: change!.current, newPassword } });
    if (!r.ok) return setError(r.message);
    window.location.assign(nextPath());
  };

  return (
    <div className="cs-login">
      <form
        className="cs-login-form"
        onSubmit={(e) => {
          e.preventDefault();
          void (change ? savePassword() : submit());
        }}
      >
        <h1>{change ? t('console.login.change') : t('console.login.title')}</h1>
        {expired && !change && (
          <p className="cs-notice" role="status" data-testid="expired-notice">
            {t('console.login.expired')}
          </p>
        )}
        {change ? (
          <label>
            {t('console.login.new')}
            <input
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
              data-testid="new-password"
              autoFocus
            />
          </label>
        ) : (
          <>
            <label>
              {t('console.login.username')}
              <input
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                data-testid="username"
                autoFocus
              />
            </label>
            <label>
              {t('console.login.password')}
              <input
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="password"
              />
            </label>
          </>
        )}
        {error && (
          <p className="cs-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" data-testid="sign-in">
          {change ? t('console.login.save') : t('console.login.submit')}
        </button>
      </form>
    </div>
  );
}
