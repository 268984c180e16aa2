/** A stage of the pipeline that is not built yet says so plainly, with what it will do. */
export function NotBuilt(props: { title: string; description: string }) {
  return (
    <div className="page">
      <h2>{props.title}</h2>
      <div className="notice" data-testid="not-built">
        <strong>本环节尚未上线。</strong>
        <p>{props.description}</p>
      </div>
    </div>
  );
}
