// @smart-settlement/runner: Node-only. Worker pool, experiments and their results store.
export {};
