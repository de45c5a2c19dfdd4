/**
 * Last line of defence: a render error anywhere shows a human message (never a blank page or a
 * stack). Session failures thrown as LaunchError keep their specific guidance.
 */
import { Component, type ReactNode } from 'react';
import { LaunchError, toLaunchError } from '../smart/launch-error.ts';
import { LaunchErrorView } from './launch-error-view.tsx';

interface Props {
  children: ReactNode;
}
interface State {
  error?: LaunchError;
}

/** Catches render errors below it and shows LaunchErrorView instead. */
export class AppErrorBoundary extends Component<Props, State> {
  override state: State = {};

  /** Converts the thrown value into a LaunchError for display. */
  static getDerivedStateFromError(error: unknown): State {
    const launchError = toLaunchError(error);
    return {
      error:
        launchError.kind === 'fhir-error' && !(error instanceof LaunchError)
          ? new LaunchError('fhir-error', 'The panel hit an unexpected problem while showing this record.')
          : launchError,
    };
  }

  override render() {
    return this.state.error ? <LaunchErrorView error={this.state.error} /> : this.props.children;
  }
}
