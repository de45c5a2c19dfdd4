/**
 * Full-page human message for a launch or session failure: what happened, the server's words when
 * useful, and what to do next.
 */
import type { LaunchError } from '../smart/launch-error.ts';

/** Renders a LaunchError (text only; server messages are never rendered as HTML). */
export function LaunchErrorView({ error }: { error: LaunchError }) {
  return (
    <section className="launch-error" role="alert" data-testid="launch-error" data-kind={error.kind}>
      <h1>{error.title}</h1>
      {error.detail ? <p className="launch-error-detail">{error.detail}</p> : null}
      <p className="launch-error-next">{error.next}</p>
    </section>
  );
}
