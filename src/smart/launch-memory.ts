/**
 * What this tab remembers about how the app was started (EHR or standalone launch, which view),
 * so an error can say how to start again: "from the chart" only after an EHR launch. Kept in the
 * tab's sessionStorage next to fhirclient's state; it holds no PHI (mode, view and the standalone
 * page's address without query).
 */
import type { LaunchMode, LaunchView } from './scopes.ts';

/** How this tab's session was started. */
export interface RememberedLaunch {
  mode: LaunchMode;
  view: LaunchView;
  /** Standalone launch: the page to start again from. */
  restartUrl?: string;
}

const KEY = 'caregap.launch';

/** The tab's sessionStorage, when there is one and it is usable. */
function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** Records how this tab starts its launch (called by the launch pages before redirecting). */
export function rememberLaunch(launch: RememberedLaunch): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(launch));
  } catch {
    // storage blocked: errors fall back to wording that fits both launch modes
  }
}

/** How this tab's session was started, when known. */
export function rememberedLaunch(): RememberedLaunch | undefined {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) {
      return undefined;
    }
    const v = JSON.parse(raw) as Partial<RememberedLaunch>;
    if (v.mode !== 'ehr' && v.mode !== 'standalone') {
      return undefined;
    }
    return {
      mode: v.mode,
      view: v.view === 'population' ? 'population' : 'patient',
      ...(typeof v.restartUrl === 'string' && /^https?:\/\//.test(v.restartUrl) ? { restartUrl: v.restartUrl } : {}),
    };
  } catch {
    return undefined;
  }
}
