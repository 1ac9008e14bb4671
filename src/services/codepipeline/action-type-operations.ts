/** ListActionTypes and GetActionType over the built-in action types (spec D.3). */
import type { JsonOperation, models } from '../../aws/index.js';
import * as pipeline from '../../pipeline/index.js';
import { op } from './operation.js';

export function actionTypeOperations(): Record<string, JsonOperation> {
  return {
    ListActionTypes: op<models.codepipeline.ListActionTypesInput, models.codepipeline.ListActionTypesOutput>(
      async (i) => pipeline.listActionTypesPage(i.actionOwnerFilter, i.nextToken),
    ),

    GetActionType: op<models.codepipeline.GetActionTypeInput, models.codepipeline.GetActionTypeOutput>(
      async (i) => pipeline.getActionType(i) as models.codepipeline.GetActionTypeOutput,
    ),
  };
}
