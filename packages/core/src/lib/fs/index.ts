/** The workspace's file helpers: one recursive walk, one atomic folder writer (with its lock), one reader of user input. */
export { displayPath } from './display-path';
export { listFiles } from './list-files';
export { replaceDirectory, type ReplaceDirectoryOptions } from './replace-directory';
export { FolderLockedError, withFolderLock } from './folder-lock';
export { decodeUtf8Strict, InputFileError, readInputText } from './read-input';
export { isInsideRelativePath } from './relative-path';
