/** Charts arrive with issue 3. */
export const VIZ_PACKAGE = '@smart-settlement/viz';
