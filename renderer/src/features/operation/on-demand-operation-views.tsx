import { lazy } from 'react';

/*
 * The review dialog, the live progress and the results appear only once a plan is asked for, so they load on
 * demand (app/on-demand-screens.tsx fetches them in idle time after the first screen, with the other screens).
 */

const loadPlanReview = () => import('./plan-review');
const loadProgressView = () => import('./operation-progress-view');
const loadResults = () => import('./operation-results');

export const PlanReview = lazy(() => loadPlanReview().then((module) => ({ default: module.PlanReview })));
export const OperationProgressView = lazy(() => loadProgressView().then((module) => ({ default: module.OperationProgressView })));
export const OperationResults = lazy(() => loadResults().then((module) => ({ default: module.OperationResults })));

export const operationViewLoaders: ReadonlyArray<() => Promise<unknown>> = [loadPlanReview, loadProgressView, loadResults];
