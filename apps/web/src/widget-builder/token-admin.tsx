import type { EmbedTokenView } from '@pantau/contracts';
import { useCallback, useEffect, useState } from 'react';
import { apiRequest, apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';

type TokenRow = EmbedTokenView;

/** Admins issue restricted-widget tokens for one OPD's `late` widget and revoke them. */
export function TokenAdmin(props: {
  opds: Array<{ id: string; shortName: string }>;
  /** `siteKey` when the token was issued for the sites in `origins` (a static site's loader line). */
  onIssued: (token: string, siteKey: string | null) => void;
}) {
  const t = useT();
  const [tokens, setTokens] = useState<TokenRow[] | 'signin' | null>(null);
  const [label, setLabel] = useState('');
  const [opd, setOpd] = useState('');
  const [ttl, setTtl] = useState(1440);
  const [origins, setOrigins] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await apiRequest('GET /api/widgets/tokens');
    if (res.status === 401 || res.status === 403) return setTokens('signin');
    if (res.ok) setTokens((await res.json()).tokens);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (tokens === null) return null;
  return (
    <section className="wb-tokens" aria-label={t('widgets.tokens')}>
      <h2>{t('widgets.tokens')}</h2>
      <p>{t('widgets.tokensIntro')}</p>
      {tokens === 'signin' ? (
        <p>
          <a href={`/console/login?next=${encodeURIComponent(window.location.pathname)}`}>
            {t('widgets.tokensSignin')}
          </a>
        </p>
      ) : (
        <>
          <form
            className="wb-form"
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              const sites = origins
                .split(/[\s,]+/)
                .map((x) => x.trim().replace(/\/+$/, ''))
                .filter(Boolean);
              void apiSend('POST /api/widgets/tokens', {
                body: {
                  label,
                  kinds: ['late'],
                  opds: [opd || props.opds[0]!.id],
                  ttlMinutes: ttl,
                  ...(sites.length ? { origins: sites } : {}),
                },
              }).then((r) => {
                if (!r.ok) return setError(r.message);
                setIssued(r.body.siteKey ?? r.body.token);
                props.onIssued(r.body.token, r.body.siteKey ?? null);
                void load();
              });
            }}
          >
            <label>
              {t('widgets.tokenLabel')}
              <input value={label} onChange={(e) => setLabel(e.target.value)} required minLength={3} />
            </label>
            <label>
              {t('widgets.tokenOpd')}
              <select value={opd} onChange={(e) => setOpd(e.target.value)}>
                {props.opds.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.shortName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('widgets.tokenTtl')}
              <input type="number" min={5} value={ttl} onChange={(e) => setTtl(Number(e.target.value))} />
            </label>
            <label>
              {t('widgets.tokenOrigins')}
              <input
                value={origins}
                onChange={(e) => setOrigins(e.target.value)}
                placeholder="https://dinkes.kalteng.go.id"
                data-testid="wb-token-origins"
              />
            </label>
            <button type="submit">{t('widgets.issue')}</button>
          </form>
          {error && <p role="alert">{error}</p>}
          {issued && (
            <p>
              {t('widgets.issued')} <code className="wb-token">{issued}</code>
            </p>
          )}
          {tokens.length === 0 ? (
            <p>{t('widgets.noTokens')}</p>
          ) : (
            <ul className="wb-token-list">
              {tokens.map((x) => (
                <li key={x.id}>
                  <strong>{x.label}</strong> — {x.opds.join(', ')}
                  {x.origins?.length ? ` — ${x.origins.join(', ')}` : ''} —{' '}
                  {x.revokedAt ? t('widgets.revoked') : t('widgets.active')}
                  {!x.revokedAt && (
                    <button
                      type="button"
                      onClick={() =>
                        void apiSend('DELETE /api/widgets/tokens/:id', { params: { id: x.id } }).then(() => load())
                      }
                    >
                      {t('widgets.revoke')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
