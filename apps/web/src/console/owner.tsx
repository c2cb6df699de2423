import { actsOnItems } from '@pantau/domain/permissions';
import type { SessionResponse, WorklistItem } from '@pantau/contracts';
import type { AssignedView } from '@pantau/contracts/api';
import { useEffect, useState } from 'react';
import { apiGet, apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';

/** The answer of `POST /api/worklist/assign`. */
export type Assigned = AssignedView;

/** Gives an item to a person (`me`: the signed-in one) or to no one; the server checks who may. */
export function assign(item: Pick<WorklistItem, 'kind' | 'id'>, assignee: string | null) {
  return apiSend('POST /api/worklist/assign', { body: { kind: item.kind, id: item.id, assignee } });
}

/**
 * The drawer's owner line: who owns the item, "Ambil" for oneself, a picker to give it to someone who
 * may act on it, "Lepaskan" to give it back. Every change is audited by the server.
 */
export function OwnerLine(props: { item: WorklistItem; session: SessionResponse; onAssigned: (a: Assigned) => void }) {
  const t = useT();
  const [people, setPeople] = useState<Array<{ id: string; displayName: string }>>([]);
  const [error, setError] = useState<string | null>(null);
  const canAssign = actsOnItems(props.session.user);
  useEffect(() => {
    if (!canAssign) return;
    const q = props.item.opdId ? `?opd=${encodeURIComponent(props.item.opdId)}` : '';
    void apiGet('GET /api/worklist/assignees', { query: q }).then((r) => r && setPeople(r.people));
  }, [canAssign, props.item.opdId]);
  const change = async (assignee: string | null) => {
    const r = await assign(props.item, assignee);
    if (!r.ok) return setError(r.message);
    setError(null);
    props.onAssigned(r.body);
  };
  const mine = props.item.assigneeId === props.session.user.id;
  return (
    <div className="cs-owner" data-testid="drawer-owner">
      <span>
        {t('console.col.owner')}: <strong>{props.item.assigneeName ?? t('console.owner.nobody')}</strong>
      </span>
      {canAssign && (
        <>
          {!mine && (
            <button type="button" onClick={() => void change('me')} data-testid="owner-take">
              {t('console.owner.take')}
            </button>
          )}
          <label>
            {t('console.owner.give')}{' '}
            <select value="" onChange={(e) => e.target.value && void change(e.target.value)} data-testid="owner-give">
              <option value="">–</option>
              {people
                .filter((p) => p.id !== props.item.assigneeId)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
            </select>
          </label>
          {props.item.assigneeId && (
            <button type="button" onClick={() => void change(null)} data-testid="owner-release">
              {t('console.owner.release')}
            </button>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="cs-error">
          {error}
        </p>
      )}
    </div>
  );
}
