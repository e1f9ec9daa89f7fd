// Worker-thread entry: worker threads do not inherit the main thread's TypeScript loader, so register it.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker-main.ts');
