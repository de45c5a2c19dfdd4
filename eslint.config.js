// @ts-check
/**
 * ESLint (flat config): typescript-eslint's recommended rules without type information (type
 * checking is `tsc --noEmit`'s job; a typed lint would parse the program a second time), plus the
 * project's boundaries rule, which keeps the architecture README.md draws:
 *
 *   engine ← fhir ← smart ← features ← app ← main.tsx;  cli ← engine, fhir;  launch/sandbox apart
 *
 * The rule is a small local one (below) rather than eslint-plugin-boundaries: it resolves each
 * relative import against the importing file (so `src/engine/fhir/x.ts` and `src/fhir/x.ts` are
 * told apart), needs no import resolver or extra dependency, and states each border in one table.
 */
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const ENGINE = 'src/engine/';
const ENGINE_INDEX = 'src/engine/index.ts';

/**
 * Test folders that test the engine from the inside and may import its internals: its unit tests,
 * the official conformance cases and differentials (which evaluate one MeasureDefinition in an
 * EvaluationContext) and the benchmarks (which time internal hot paths). Every other test tests a
 * caller of the engine and, like that caller, goes through the index.
 */
const ENGINE_TESTS = ['test/engine/', 'test/conformance/', 'test/bench/'];

/** Per layer of src/ (longest prefix wins): the other parts of the repository it may import. */
const LAYERS = [
  { layer: 'src/engine/', may: [] },
  { layer: 'src/fhir/', may: [ENGINE] },
  { layer: 'src/smart/', may: [ENGINE, 'src/fhir/'] },
  { layer: 'src/features/', may: [ENGINE, 'src/fhir/', 'src/smart/'] },
  { layer: 'src/app/', may: [ENGINE, 'src/fhir/', 'src/smart/', 'src/features/'] },
  { layer: 'src/main.tsx', may: [ENGINE, 'src/fhir/', 'src/smart/', 'src/features/', 'src/app/'] },
  { layer: 'src/cli/', may: [ENGINE, 'src/fhir/'] },
  // The sandbox plays the EHR: sharing the app's code would let one bug hide another.
  { layer: 'launch/sandbox/', may: ['launch/csp.ts'] },
];

/** `react-dom/client` → `react-dom`, `@tanstack/react-query` → itself. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A repository path relative to the root, with `/` separators. */
function repoPath(absolute) {
  return path.relative(ROOT, absolute).split(path.sep).join('/');
}

/** Why `from` (a repository path) may not import `specifier`, or undefined when it may. */
function violation(from, specifier) {
  const inEngine = from.startsWith(ENGINE);
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
    if (inEngine) {
      return `src/engine/ is the pure core: it imports no package ('${specifier}': no React, fhirclient, Node or DOM modules).`;
    }
    const isSrc = from.startsWith('src/') || (from.startsWith('launch/') && !from.startsWith('launch/sandbox/'));
    if (packageName(specifier) === 'fhirclient' && isSrc && !from.startsWith('src/smart/')) {
      return 'Only src/smart/ imports fhirclient.';
    }
    return undefined;
  }
  const target = repoPath(path.resolve(ROOT, path.dirname(from), specifier));
  if (inEngine) {
    return target.startsWith(ENGINE) ? undefined : `src/engine/ imports nothing outside itself ('${target}').`;
  }
  if (target.startsWith(ENGINE) && target !== ENGINE_INDEX && !ENGINE_TESTS.some((t) => from.startsWith(t))) {
    return `Import the engine through ${ENGINE_INDEX} (export what you need there), not '${target}'.`;
  }
  if (
    target.startsWith('launch/sandbox/') &&
    (from.startsWith('src/') || (from.startsWith('launch/') && !from.startsWith('launch/sandbox/')))
  ) {
    return 'The app never imports the sandbox EHR (launch/sandbox/).';
  }
  const own = LAYERS.filter((l) => from.startsWith(l.layer)).sort((a, b) => b.layer.length - a.layer.length)[0];
  if (own && !target.startsWith(own.layer) && !own.may.some((m) => target.startsWith(m))) {
    return `${own.layer} may import only ${own.may.join(', ') || 'itself'} outside itself, not '${target}' (README.md, Architecture).`;
  }
  return undefined;
}

/** The boundaries rule: every import, export-from, dynamic import() and import('…') type is checked. */
const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: "Keep README.md's architecture: layers, the engine's index, fhirclient, the sandbox" },
    schema: [],
  },
  create(context) {
    const from = repoPath(context.filename);
    const check = (source) => {
      const specifier =
        source?.type === 'Literal' && typeof source.value === 'string'
          ? source.value
          : source?.type === 'TemplateLiteral' && source.expressions.length === 0
            ? source.quasis[0].value.cooked
            : undefined;
      if (specifier === undefined) {
        return;
      }
      const message = violation(from, specifier);
      if (message) {
        context.report({ node: source, message });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // typescript-eslint 8.x: `source` (a Literal) replaces the deprecated `argument` (a TSLiteralType).
      TSImportType: (node) =>
        check(
          'source' in node
            ? node.source
            : node.argument.type === 'TSLiteralType'
              ? node.argument.literal
              : node.argument,
        ),
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

/**
 * The local plugin. Its version is this file's own text hash so `eslint --cache` re-lints
 * everything when the rule changes (ESLint keys its cache on the config, not on rule code).
 */
const caregap = {
  meta: {
    name: 'caregap',
    version: String(
      hashOf(boundariesRule.create.toString() + violation.toString() + JSON.stringify(LAYERS) + ENGINE_TESTS),
    ),
  },
  rules: { boundaries: boundariesRule },
};

/** A small stable string hash (FNV-1a). */
function hashOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

/** Browser and Node globals the engine must not touch: it has no DOM, no I/O, no clock, no console. */
const ENGINE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'Worker',
  'self',
  'postMessage',
  'console',
  'performance',
  'setTimeout',
  'setInterval',
  'queueMicrotask',
  'process',
  'require',
  'Buffer',
  '__dirname',
  '__filename',
].map((name) => ({
  name,
  message: 'src/engine/ is the pure core: no DOM, I/O, clock or console (the caller passes data in).',
}));

export default defineConfig(
  { ignores: ['dist/', 'test-results/', 'coverage/', '.vite/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'caregap/all',
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { caregap },
    rules: {
      'caregap/boundaries': 'error',
      // `const { dropped: _dropped, ...rest } = x` and `(_req, res) =>` are the idiom for "not this one".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A type-only import is erased: what a module needs at run time (in a worker, in the CLI) is visible.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // `== null` is the one loose comparison allowed (null or undefined, e.g. an absent FHIR element).
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Braces on every if/else/for/while body (#16 §4); Prettier does the rest of the layout.
      curly: ['error', 'all'],
    },
  },
  {
    name: 'caregap/no-logs-in-the-app',
    // No PHI in logs: the app, its data layer and launch pages never write to the console (the CLI
    // and the sandbox server print by design).
    files: ['src/app/**', 'src/features/**', 'src/fhir/**', 'src/smart/**', 'src/main.tsx', 'launch/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    name: 'caregap/tests',
    files: ['test/**'],
    rules: {
      // Tests read the CLI's JSON output loosely (`JSON.parse(line) as Record<string, any>`); typing
      // each MeasureReport path would add non-null assertions, not safety. src/ has no `any`.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    name: 'caregap/engine-is-pure',
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': ['error', ...ENGINE_FORBIDDEN_GLOBALS],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/engine/ reads no clock: take `asOf` from the options.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/engine/ reads no clock: take `asOf` from the options.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'src/engine/ reads no clock: take `asOf` from the options.',
        },
      ],
    },
  },
);
