/**
 * ListActionTypes and GetActionType over the built-in registry (declaration/action-types.ts).
 * Custom action types cannot be created (CreateCustomActionType is not implemented), so every type
 * is AWS- or ThirdParty-owned and the whole list fits one page; any nextToken is therefore invalid.
 * `regionFilter` changes nothing: every type exists in every region.
 *
 * GetActionType answers for built-in types too, in ActionTypeDeclaration form: properties carry
 * `optional`/`noEcho` (the inverse of ListActionTypes' `required` and its `secret`), and the
 * executor is reported as a `JobWorker` with an empty configuration — nagare runs these actions
 * itself; there is no Lambda or external worker behind them.
 */
import { findActionType, listActionTypes, type ActionCategory, type ActionOwner, type ActionType } from '../declaration/index.js';
import { pipelineError } from '../errors.js';

export function listActionTypesPage(actionOwnerFilter?: ActionOwner, nextToken?: string): { actionTypes: ActionType[] } {
  if (nextToken !== undefined) throw pipelineError('InvalidNextTokenException', 'The next token is not valid.');
  return { actionTypes: listActionTypes(actionOwnerFilter) };
}

export interface ActionTypeIdentifierInput {
  category: string;
  owner: string;
  provider: string;
  version: string;
}

export interface ActionTypeDeclarationView {
  description?: string;
  executor: { configuration: { jobWorkerExecutorConfiguration?: Record<string, never> }; type: 'JobWorker'; jobTimeout?: number };
  id: { category: string; owner: string; provider: string; version: string };
  inputArtifactDetails: { minimumCount: number; maximumCount: number };
  outputArtifactDetails: { minimumCount: number; maximumCount: number };
  properties: { name: string; optional: boolean; key: boolean; noEcho: boolean; queryable?: boolean; description?: string }[];
}

/** The model's jobTimeout range (seconds). */
const JOB_TIMEOUT = { min: 60, max: 43_200 };

export function getActionType(id: ActionTypeIdentifierInput): { actionType: ActionTypeDeclarationView } {
  const spec = findActionType({ category: id.category as ActionCategory, owner: id.owner as ActionOwner, provider: id.provider, version: id.version });
  if (!spec) {
    throw pipelineError('ActionTypeNotFoundException', `Action type ${id.category}/${id.owner}/${id.provider}/${id.version} does not exist`);
  }
  const timeout = spec.timeoutMinutes * 60;
  return {
    actionType: {
      executor: {
        configuration: { jobWorkerExecutorConfiguration: {} },
        type: 'JobWorker',
        ...(timeout >= JOB_TIMEOUT.min && timeout <= JOB_TIMEOUT.max ? { jobTimeout: timeout } : {}),
      },
      id: { ...spec.id },
      inputArtifactDetails: { ...spec.input },
      outputArtifactDetails: { ...spec.output },
      properties: spec.properties.map((p) => ({
        name: p.name,
        optional: !p.required,
        key: p.key,
        noEcho: p.secret,
        ...(p.queryable !== undefined ? { queryable: p.queryable } : {}),
        ...(p.description !== undefined ? { description: p.description } : {}),
      })),
    },
  };
}
