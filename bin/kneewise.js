#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so every command works in a checkout right after `npm ci`
// with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
