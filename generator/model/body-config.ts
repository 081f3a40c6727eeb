// The config's say over an operation's body: the params key it goes under, and SDK names of its fields.
import type { OperationOverride } from '../load/load-config.js';
import type { OperationModel } from './operations.js';

/**
 * `bodyParam` and `bodyFields` of an operation's config: the params key of a body that is not an object (`{ body }` by
 * default; `{ voice_clone_request }` where an existing SDK named it so) or of an object body taken whole rather than
 * field by field, and SDK names of body fields (SDK name -> wire
 * name, as `x-sdk-param` gives them in the spec). Where the body has no such shape, a warning says the entry is unused.
 */
export function applyBodyConfig(
  model: OperationModel,
  configured: OperationOverride | undefined,
  label: string,
  warnings: string[],
): void {
  if (configured?.bodyParam !== undefined) {
    if (model.body && !model.body.inline && model.paramsShape === 'mixed') model.body.key = configured.bodyParam;
    else if (model.body) {
      // An object body the existing SDK takes whole under one key (`{ network_create: {...} }`) becomes that member.
      model.body.inline = false;
      model.body.key = configured.bodyParam;
      model.paramsShape = 'mixed';
      const requiredParam = [...model.namedPathParams, ...model.queryParams, ...model.headerParams].some(
        (param) => param.required,
      );
      model.paramsRequired = requiredParam || model.body.required;
      model.paramsAcceptEmpty = !requiredParam && !model.body.required;
    } else warnings.push(`${label}: bodyParam is set in the config, but the operation has no body; ignored`);
  }
  if (configured?.bodyFields !== undefined) {
    if (model.body?.isObject) model.body.renames = { ...model.body.renames, ...configured.bodyFields };
    else warnings.push(`${label}: bodyFields is set in the config, but its body is not an object; ignored`);
  }
}
