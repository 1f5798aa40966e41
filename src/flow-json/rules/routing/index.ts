import type { FlowJsonRule } from '../../rule.js';
import { routingModelBranchesRule } from './routing-model-branches.js';
import { routingModelConnectedRule } from './routing-model-connected.js';
import { routingModelEntryScreenRule } from './routing-model-entry-screen.js';
import { routingModelForwardRoutesRule } from './routing-model-forward-routes.js';
import { routingModelLoopsRule } from './routing-model-loops.js';
import { routingModelNavigateRoutesRule } from './routing-model-navigate-routes.js';
import { routingModelScreensRule } from './routing-model-screens.js';
import { routingModelShapeRule } from './routing-model-shape.js';

/** The routing rules, one per file in this folder. */
export const ROUTING_RULES: FlowJsonRule[] = [
  routingModelShapeRule,
  routingModelScreensRule,
  routingModelForwardRoutesRule,
  routingModelLoopsRule,
  routingModelEntryScreenRule,
  routingModelConnectedRule,
  routingModelBranchesRule,
  routingModelNavigateRoutesRule,
];
