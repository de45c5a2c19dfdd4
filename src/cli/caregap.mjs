#!/usr/bin/env node
// `npx caregap …` entry: registers tsx so the TypeScript CLI runs without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./caregap.ts');
process.exitCode = await main(process.argv.slice(2));
