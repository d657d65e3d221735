import { formatDate, formatValue, withUnit } from '../../core/format.ts';
import type { Goal } from './measures-api.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { mt } from './texts.ts';

interface GoalTableProps {
  title: string;
  goals: readonly Goal[];
  /** Planners: a button per goal to remove it. */
  onRemove?: (goal: Goal) => void;
  busy?: boolean;
}

/** The goals of an entry: from where, to where by when, where the latest data stand, how far. */
export function GoalTable({ title, goals, onRemove, busy }: GoalTableProps) {
  const c = mt.details.goalColumns;
  if (goals.length === 0) return <p className="muted">{mt.details.noGoals}</p>;
  return (
    <div className="table-scroll">
      <table className="goal-table" data-testid="goal-table">
        <caption>{mt.details.goalsCaption(title)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.indicator}</th>
            <th scope="col">{c.area}</th>
            <th scope="col">{c.baseline}</th>
            <th scope="col">{c.target}</th>
            <th scope="col">{c.current}</th>
            <th scope="col">{c.progress}</th>
            {onRemove && (
              <th scope="col">
                <span className="visually-hidden">{c.actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {goals.map((g) => (
            <tr key={g.id} data-indicator={g.indicator}>
              <th scope="row">{g.indicatorName}</th>
              <td>{g.areaName}</td>
              <td data-column="baseline">
                {mt.details.atDate(withUnit(g.baselineValue, g.decimals, g.unit), formatDate(g.baselineDate))}
              </td>
              <td data-column="target">
                {mt.details.byDate(withUnit(g.targetValue, g.decimals, g.unit), formatDate(g.targetDate))}
              </td>
              <td data-column="current">
                {mt.details.atDate(
                  formatValue(g.current.value, g.current.status, g.decimals, g.unit),
                  formatDate(g.current.date),
                )}
              </td>
              <td data-column="progress">
                <ProgressBar progress={g.progress} hasGoals />
              </td>
              {onRemove && (
                <td>
                  <button
                    type="button"
                    className="button button--danger-outline"
                    disabled={busy}
                    onClick={() => onRemove(g)}
                  >
                    {mt.details.removeGoal(g.indicatorName)}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
