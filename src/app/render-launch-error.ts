/**
 * Plain-DOM rendering of a LaunchError for the launch pages (which load before React): a title,
 * the detail and what to do next, all as text — never HTML from the server or the URL.
 */
import type { LaunchError } from '../smart/launch-error.ts';

/** Replaces `container`'s content with the error's human message. */
export function renderLaunchError(container: HTMLElement, error: LaunchError): void {
  const section = document.createElement('section');
  section.className = 'launch-error';
  section.setAttribute('role', 'alert');
  section.dataset.testid = 'launch-error';
  section.dataset.kind = error.kind;
  const title = document.createElement('h1');
  title.textContent = error.title;
  section.append(title);
  if (error.detail) {
    const detail = document.createElement('p');
    detail.className = 'launch-error-detail';
    detail.textContent = error.detail;
    section.append(detail);
  }
  const next = document.createElement('p');
  next.className = 'launch-error-next';
  next.textContent = error.next;
  section.append(next);
  container.replaceChildren(section);
}
