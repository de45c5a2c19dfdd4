/**
 * EHR styling hints (`smart_style_url`, SMART app-launch "Styling", experimental): a JSON of
 * colours, sizes and fonts the app may adopt so it looks native inside the EHR. Applied as CSS
 * custom properties; any failure simply keeps the app's own theme.
 */

/** The style properties SMART defines, mapped to our CSS variables. */
export const SMART_STYLE_VARIABLES: Readonly<Record<string, string>> = {
  color_background: '--smart-color-background',
  color_error: '--smart-color-error',
  color_highlight: '--smart-color-highlight',
  color_modal_backdrop: '--smart-color-modal-backdrop',
  color_success: '--smart-color-success',
  color_text: '--smart-color-text',
  dim_border_radius: '--smart-dim-border-radius',
  dim_font_size: '--smart-dim-font-size',
  dim_spacing_size: '--smart-dim-spacing-size',
  font_family_body: '--smart-font-family-body',
  font_family_heading: '--smart-font-family-heading',
};

/**
 * Values are EHR-supplied text: accept only plain colours, lengths and font lists (no `url(`,
 * no `;`/braces), so a style document cannot load resources or break out of the declaration.
 */
const SAFE_VALUE = /^[#\w\s.,%'"()-]{1,200}$/;

/** The CSS variables a style document asks for (unknown keys and unsafe values dropped). */
export function styleVariables(style: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!style || typeof style !== 'object') {
    return out;
  }
  for (const [key, value] of Object.entries(style as Record<string, unknown>)) {
    const variable = SMART_STYLE_VARIABLES[key];
    if (!variable || typeof value !== 'string') {
      continue;
    }
    if (!SAFE_VALUE.test(value) || /url\s*\(|expression\s*\(/i.test(value)) {
      continue;
    }
    out[variable] = value.trim();
  }
  return out;
}

/** Fetches the style document and applies it to `target`; resolves the applied variables ({} on any failure). */
export async function applySmartStyle(
  url: string,
  target: HTMLElement,
  fetchImpl: typeof fetch = fetch,
): Promise<Record<string, string>> {
  try {
    const res = await fetchImpl(url, { headers: { accept: 'application/json' } });
    if (!res.ok) {
      return {};
    }
    const vars = styleVariables(await res.json());
    for (const [name, value] of Object.entries(vars)) {
      target.style.setProperty(name, value);
    }
    return vars;
  } catch {
    return {};
  }
}
