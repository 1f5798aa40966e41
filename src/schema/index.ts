/** JSON Schemas of Flow JSON, one per version, for editors (`$schema` / VS Code `json.schemas`). */
export { flowJsonSchema, SCHEMA_VERSIONS, type JsonSchema } from './flow-json-schema.js';
