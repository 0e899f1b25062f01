// Vitest's global setup: one line saying which server the sync tests run on in this run.
import { TEST_SERVER } from './couch-server.ts';

export function setup(): void {
  console.log(`\n${TEST_SERVER.line}\n`);
}
