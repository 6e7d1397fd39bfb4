/** Cohen's kappa now lives in the domain, so that the workbench computes the same figure. */
export { type Category, cohensKappa } from '../domain/workbench/agreement.ts';
