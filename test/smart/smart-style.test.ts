import { describe, expect, it } from 'vitest';
import { styleVariables } from '../../src/smart/smart-style.ts';

describe('EHR style hints', () => {
  it('maps SMART style keys to CSS variables', () => {
    expect(
      styleVariables({
        color_background: '#edeae3',
        font_family_body: "Georgia, 'Times New Roman', serif",
        dim_font_size: '13px',
      }),
    ).toEqual({
      '--smart-color-background': '#edeae3',
      '--smart-font-family-body': "Georgia, 'Times New Roman', serif",
      '--smart-dim-font-size': '13px',
    });
  });

  it('drops unknown keys, non-strings and values that could load or inject anything', () => {
    expect(
      styleVariables({
        color_text: 'red; background: url(http://evil)',
        color_error: 'url(x)',
        color_highlight: 12,
        something_else: '#fff',
      }),
    ).toEqual({});
  });

  it('ignores a style document that is not an object', () => {
    expect(styleVariables('nope')).toEqual({});
    expect(styleVariables(null)).toEqual({});
  });
});
