import { useT } from '../i18n/index.ts';
import { Panel } from './panel.tsx';
import type { SceneProps } from './types.ts';
import { LateTable } from './shared.tsx';

export function Keterlambatan(p: SceneProps) {
  const t = useT();
  const levels = [3, 2, 1, 0];
  return (
    <div className="scene scene-ladder">
      {levels.map((level) => {
        const items = p.late.filter((l) => (level === 3 ? l.escalationLevel >= 3 : l.escalationLevel === level));
        return (
          <Panel
            key={level}
            title={`${t('wall.ladder.level').replace('{n}', level === 3 ? '3+' : String(level))} · ${items.length}`}
            stream="complaints"
            scene={p}
            testId={`ladder-${level}`}
          >
            {/* The panel names its level; only 3+ mixes levels, so only it needs the column. */}
            <LateTable {...p} late={items} limit={14} showLevel={level === 3} />
          </Panel>
        );
      })}
    </div>
  );
}
