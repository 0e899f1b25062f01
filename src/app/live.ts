/** How the UI reads the database: a query re-run when what it read changes (storage/live.ts). */
export { watch } from '../storage/live.ts';
