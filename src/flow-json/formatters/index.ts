export { formatPretty, type PrettyOptions } from './pretty.js';
export { formatJson, type FileReport } from './json.js';
export { formatGithubActions } from './github-actions.js';
