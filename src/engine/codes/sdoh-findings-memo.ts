/**
 * One reading of each SDOH Observation per evaluation: the `sdoh-screening` measure and the
 * `sdoh-need` flags both ask {@link sdohFindingsOf} about the same Observations, so the findings
 * are kept per evaluation scope (the EvaluationContext, held weakly) and per Observation.
 * Only the Observation's own reading is shared: a panel member read under its panel's instrument
 * (`context`) is interpreted afresh (rare, and its instrument differs from the shared reading).
 * The arrays returned are shared: callers must not change them.
 */
import { sdohFindingsOf, type SdohFinding, type SdohInstrument } from './sdoh-items.ts';

type Memo = Map<fhir4.Observation, readonly SdohFinding[]>;

const BY_SCOPE = new WeakMap<object, Memo>();

/** The findings of `obs` (as `sdohFindingsOf(obs, context)`), read once per scope when `context` is not given. */
export function sdohFindingsIn(
  scope: object,
  obs: fhir4.Observation,
  context?: SdohInstrument,
): readonly SdohFinding[] {
  return context !== undefined ? sdohFindingsOf(obs, context) : readShared(memoOf(scope), obs);
}

/** {@link sdohFindingsIn} bound to one scope, for a loop over many Observations (one scope lookup). */
export function sdohFindingsReader(
  scope: object,
): (obs: fhir4.Observation, context?: SdohInstrument) => readonly SdohFinding[] {
  const memo = memoOf(scope);
  return (obs, context) => (context !== undefined ? sdohFindingsOf(obs, context) : readShared(memo, obs));
}

function memoOf(scope: object): Memo {
  let memo = BY_SCOPE.get(scope);
  if (!memo) {
    BY_SCOPE.set(scope, (memo = new Map()));
  }
  return memo;
}

/**
 * Only non-empty findings are kept: most Observations are not SDOH answers, and the flags ask
 * again only about SDOH-coded ones, so keeping the empty readings would cost more than it saves.
 */
function readShared(memo: Memo, obs: fhir4.Observation): readonly SdohFinding[] {
  let found = memo.get(obs);
  if (found === undefined) {
    found = sdohFindingsOf(obs);
    if (found.length) {
      memo.set(obs, found);
    }
  }
  return found;
}
