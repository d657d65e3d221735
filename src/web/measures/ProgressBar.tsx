import { barPercent, progressText } from './measure-tree.ts';

/**
 * Progress as a bar with its number in words beside it; the bar is decoration (the words carry
 * the meaning), so it is hidden from screen readers.
 */
export function ProgressBar({ progress, hasGoals }: { progress: number | null; hasGoals?: boolean }) {
  const percent = barPercent(progress);
  return (
    <span className="measure-progress">
      <span className="measure-progress__bar" aria-hidden="true">
        {progress !== null && <span className="measure-progress__fill" style={{ width: `${percent}%` }} />}
      </span>
      <span className="measure-progress__text">{progressText(progress, hasGoals)}</span>
    </span>
  );
}
