import type { SessionResponse, WorklistItem } from '@pantau/contracts';
import type { ApiBody } from '@pantau/contracts/api';
import { useState } from 'react';
import { apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';

/**
 * A comment or mention on the worklist: the reply is written on the platform, then marked here (with its
 * link); a suspected hoax or an issue is flagged for clarification. The server checks who may.
 */
export function SocialActions(props: { item: WorklistItem; session: SessionResponse; onDone: (text: string) => void }) {
  const t = useT();
  const [replyUrl, setReplyUrl] = useState('');
  const [issueTag, setIssueTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (props.session.user.role === 'viewer') return null;
  const act = async (body: Record<string, unknown>, done: string) => {
    const r = await apiSend('POST /api/social/interactions/:id/actions', {
      params: { id: props.item.id },
      body: body as ApiBody<'POST /api/social/interactions/:id/actions'>,
    });
    if (!r.ok) return setError(r.message);
    setError(null);
    props.onDone(done.replace('{item}', props.item.trackingId));
  };
  return (
    <section className="cs-social-actions" data-testid="social-actions">
      <h3>{t('console.drawer.actions')}</h3>
      <p>{t('console.social.howto')}</p>
      <label>
        {t('console.social.replyUrl')}{' '}
        <input
          type="url"
          value={replyUrl}
          onChange={(e) => setReplyUrl(e.target.value)}
          data-testid="social-reply-url"
        />
      </label>{' '}
      <button
        type="button"
        data-testid="social-answered"
        onClick={() =>
          void act(
            { action: 'answered', ...(replyUrl.trim() ? { replyUrl: replyUrl.trim() } : {}) },
            t('console.social.answeredDone'),
          )
        }
      >
        {t('console.social.answered')}
      </button>
      <p>
        <button
          type="button"
          data-testid="social-hoax"
          onClick={() => void act({ action: 'hoax' }, t('console.social.hoaxDone'))}
        >
          {t('console.social.hoax')}
        </button>{' '}
        <label>
          {t('console.social.issueTag')}{' '}
          <input
            value={issueTag}
            maxLength={100}
            onChange={(e) => setIssueTag(e.target.value)}
            data-testid="social-issue-tag"
          />
        </label>{' '}
        <button
          type="button"
          data-testid="social-issue"
          disabled={!issueTag.trim()}
          onClick={() => void act({ action: 'issue', issueTag: issueTag.trim() }, t('console.social.issueDone'))}
        >
          {t('console.social.issue')}
        </button>
      </p>
      {error && (
        <p role="alert" className="cs-error">
          {error}
        </p>
      )}
    </section>
  );
}
