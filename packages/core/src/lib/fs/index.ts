/** The workspace's file helpers: one recursive walk and one atomic folder writer. */
export { listFiles } from './list-files';
export { replaceDirectory, type ReplaceDirectoryOptions } from './replace-directory';
