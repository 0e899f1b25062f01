// The search words moved to src/engines/search/words.ts (pure, shared with the in-memory
// index); store-decisions.ts still imports them from here until the fold is reworked.
export { indexWords, queryTerms } from '../engines/search/words.ts';
