#!/usr/bin/env node
// Runs the TypeScript sources directly, so `pantau` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
