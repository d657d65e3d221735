#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx lagebild` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
