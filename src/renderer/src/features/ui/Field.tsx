import { useId, type ReactNode } from 'react';

/**
 * A label tied to its control by id, not by nesting: a control inside its <label> gets the
 * control's own value in its accessible name ("Microphone System default"), which screen readers
 * then read out; a `for`/`id` pair names it just "Microphone".
 */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
