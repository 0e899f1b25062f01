// The layers (README "Layout", ARCHITECTURE.md section 7), in one place: eslint.config.js turns
// them into import rules an editor flags as you type; tests/layers.test.ts checks the same and
// what a lint rule cannot (dynamic imports, every file inside a layer folder).

/** Each layer and the layers it may import (imports run one way: ui → app → {sync, storage} → domain). */
export const LAYERS = {
  ui: ['app', 'engines', 'domain'],
  app: ['sync', 'storage', 'engines', 'domain'],
  sync: ['storage', 'domain'],
  storage: ['engines', 'domain'],
  engines: ['domain'],
  domain: [],
  sw: [],
};

/** Layers whose code is pure computation: no package, no I/O (their tsconfig has no DOM either). */
export const PURE = ['domain', 'engines'];
