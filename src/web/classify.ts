/**
 * The map classification lives in src/classification (shared by web, API and reports); this module
 * only keeps the web's old import path working.
 */
export { classify, type ClassifyResult, type MapClass } from '../classification/classify.ts';
export { quantileBreaks } from '../classification/quantile.ts';
