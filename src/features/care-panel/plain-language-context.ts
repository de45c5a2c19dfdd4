/**
 * The plain-language rewriter of the panel's statements as a React context: the display names the
 * evaluation worker found for codes the statements mention arrive with each evaluation, and every
 * component that shows engine text reads them here (no prop drilling through the lists).
 */
import { createContext, useContext } from 'react';
import { plainText } from './plain-language.ts';

/** Rewrites one engine statement for clinicians. */
export type Plain = (text: string) => string;

const NO_DISPLAYS: ReadonlyMap<string, string> = new Map();

/** The rewriter for a set of display names ([codingKey, display] pairs). */
export function plainWith(displays: ReadonlyMap<string, string> = NO_DISPLAYS): Plain {
  return (text) => plainText(text, displays);
}

/** Context carrying the current rewriter (default: no display names beyond the text itself). */
export const PlainLanguage = createContext<Plain>(plainWith());

/** The current rewriter. */
export function usePlain(): Plain {
  return useContext(PlainLanguage);
}
