// The regex matcher's own chunk: the engine fetches it only for rules files with `regex` conditions.
export { compileBoundedRegex } from '@attune/rules';
