/** The workspace's file helpers: one recursive walk and one atomic folder writer. */
export { displayPath } from './display-path';
export { listFiles } from './list-files';
export { replaceDirectory, type ReplaceDirectoryOptions } from './replace-directory';
