/**
 * App entry (the SMART redirect_uri page): complete the launch once, then render the app — or a
 * human message for any launch failure.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/app-root.tsx';
import { LaunchErrorView } from './app/launch-error-view.tsx';
import { completeLaunch } from './smart/complete-launch.ts';
import { toLaunchError } from './smart/launch-error.ts';
import { installTrustedTypesPolicy } from './app/trusted-types.ts';
import './app/app.css';

installTrustedTypesPolicy();

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html must contain #root');
}
const root = createRoot(container);

completeLaunch().then(
  (session) =>
    root.render(
      <StrictMode>
        <AppRoot session={session} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<LaunchErrorView error={toLaunchError(error)} />),
);
