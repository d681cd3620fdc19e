// @smart-settlement/explorer/internals: the page's pure modules (scenario state, schema
// adapter), for tests. Not a stable API: the page itself is the product.
export {
  applySettings,
  hashOf,
  parseHash,
  setPath,
  settingsBetween,
} from './page/scenario-state.js';
export { assumptionFields, type Field, policyFields, policyTypes } from './page/schema-adapter.js';
