#!/usr/bin/env node
// Entry point of the `gongkai` command. The sources are TypeScript; tsx compiles them on load so that
// `npm ci` is the only install step and no build output can drift from the code.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX for preact), wherever the command is started from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
