/**
 * The registry of built-in action types nagare knows: what ListActionTypes lists, what
 * CreatePipeline accepts, and what the engine needs to run them (timeouts, output variables).
 * `runnable: false` entries are accepted in declarations (AWS accepts them, and real pipelines
 * such as seed 000 use them) but the engine may not execute them yet; that decision is the
 * engine's, this module only records it.
 */
import { ACTION_TYPE_CATALOG } from './action-type-catalog.js';
import type { ActionConfigurationProperty, ActionOwner, ActionType, ActionTypeId, ArtifactDetails } from './types.js';

export interface ActionTypeSpec {
  id: ActionTypeId;
  /** Listed by ListActionTypes, in this order; at most 10 (the model's limit). */
  properties: ActionConfigurationProperty[];
  /** Further configuration keys AWS accepts but that do not fit the 10-property listing. */
  extraKeys?: string[];
  input: ArtifactDetails;
  output: ArtifactDetails;
  /** Default action timeout in minutes (spec C.8 "Timeouts"). */
  timeoutMinutes: number;
  /** Fixed output variable keys; `'dynamic'` when the action decides (CodeBuild exported-variables). */
  outputVariables: readonly string[] | 'dynamic';
  runnable: boolean;
}

const keyOf = (id: ActionTypeId): string => `${id.category}/${id.owner}/${id.provider}/${id.version}`;

const BY_ID = new Map<string, ActionTypeSpec>(ACTION_TYPE_CATALOG.map((spec) => [keyOf(spec.id), spec]));

/** The registry entry for an exact category/owner/provider/version, or undefined when unknown. */
export function findActionType(id: ActionTypeId): ActionTypeSpec | undefined {
  return BY_ID.get(keyOf(id));
}

/** Every configuration key the action type accepts (listed properties plus extra keys). */
export function acceptedConfigurationKeys(spec: ActionTypeSpec): ReadonlySet<string> {
  return new Set([...spec.properties.map((p) => p.name), ...(spec.extraKeys ?? [])]);
}

/** Names of properties marked secret (masked as `****` by GetPipeline). */
export function secretKeys(spec: ActionTypeSpec): string[] {
  return spec.properties.filter((p) => p.secret).map((p) => p.name);
}

/**
 * ListActionTypes `actionTypes[]` in AWS's shape, in registry order, optionally filtered by owner.
 * Built-in types carry no `settings`; only custom/third-party types have URL templates.
 */
export function listActionTypes(ownerFilter?: ActionOwner): ActionType[] {
  return ACTION_TYPE_CATALOG.filter((spec) => ownerFilter === undefined || spec.id.owner === ownerFilter).map((spec) => ({
    id: { ...spec.id },
    actionConfigurationProperties: spec.properties.map((p) => ({ ...p })),
    inputArtifactDetails: { ...spec.input },
    outputArtifactDetails: { ...spec.output },
  }));
}

/** All registry entries (read-only view), e.g. for the engine to pick runnable ones. */
export function actionTypeSpecs(): readonly ActionTypeSpec[] {
  return ACTION_TYPE_CATALOG;
}
