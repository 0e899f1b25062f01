// The search words live in src/engines/search (pure, shared with the in-memory index);
// store-decisions.ts indexes products with them.
export { indexWords } from '../engines/search/words.ts';
