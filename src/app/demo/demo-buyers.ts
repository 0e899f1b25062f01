/**
 * The people a visitor can shop as, to play several phones in one browser (team buys need
 * them). Kept apart from the demo catalog so the first screen does not load the catalog's data.
 */
export const DEMO_BUYERS = ['ann', 'bo', 'cy'] as const;
