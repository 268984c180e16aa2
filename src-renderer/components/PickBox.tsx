/** The check box that adds a row to (or takes it out of) a queue's selection for the batch action. */
export function PickBox<K>(props: { id: K; picked: ReadonlySet<K>; onChange: (next: Set<K>) => void; testId?: string }) {
  return (
    <input
      type="checkbox"
      checked={props.picked.has(props.id)}
      onChange={(e) => {
        const next = new Set(props.picked);
        if (e.target.checked) next.add(props.id);
        else next.delete(props.id);
        props.onChange(next);
      }}
      data-testid={props.testId}
    />
  );
}
