// Public API of the exposure engine (see engine.ts for the semantics).
export { computeExposure, determineEntity, evaluate, type ExposureEvaluation } from './engine.js';
export { diffExposure } from './diff.js';
export { buildIndex, type GraphIndex } from './graph-index.js';
export { takeSnapshot, type Snapshot } from './snapshot.js';
export { closureDirection, relevantSubgraph, type ClosureDirection } from './closure.js';
export {
  parseRegime,
  parseRegimeFile,
  ruleInForce,
  RegimeValidationError,
  type Citation,
  type Regime,
  type RegimeFile,
  type RegimeInput,
  type Rule,
  type RuleWindow,
} from './regime.js';
export * from './types.js';
