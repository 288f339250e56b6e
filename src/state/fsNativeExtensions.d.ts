// The package ships no types; only the call we use is declared.
declare module 'fs-native-extensions' {
  /** An exclusive (or shared) lock on an open file without waiting; false when another holder has it. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
}
