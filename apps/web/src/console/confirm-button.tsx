import { useState } from 'react';
import { useT } from '../i18n/index.ts';

/**
 * An action that asks first (revoking a wall screen or a source key cuts something off at once): the
 * button becomes the question with "yes" and "cancel", focus on cancel. Test ids: `<testId>` and
 * `<testId>-confirm`.
 */
export function ConfirmButton(props: {
  label: string;
  question: string;
  confirmLabel: string;
  testId: string;
  onConfirm: () => void;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" data-testid={props.testId} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  return (
    <span role="alert" className="cs-confirm">
      {props.question}{' '}
      <button
        type="button"
        data-testid={`${props.testId}-confirm`}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" autoFocus onClick={() => setAsking(false)}>
        {t('console.calendar.cancel')}
      </button>
    </span>
  );
}
