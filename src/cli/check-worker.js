// Worker-thread entry: worker threads do not inherit the main thread's TypeScript loader, so register it.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX for preact), wherever the command is started from.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./check-worker-main.ts');
