#!/usr/bin/env node
// Entry point of the `gongkai` command. The sources are TypeScript; tsx compiles them on load so that
// `npm ci` is the only install step and no build output can drift from the code.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
