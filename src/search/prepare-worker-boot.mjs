// Worker bootstrap: plain JS so Node can start it, then tsx loads the TypeScript worker
// (worker threads do not inherit the tsx loader the main thread runs under).
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
