// Worker-thread entry of `caregap evaluate --jobs N`: registers tsx in this thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./evaluation-worker.ts');
