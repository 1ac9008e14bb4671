/**
 * Shapes shared by the artifact functions (spec A.12). Plain data so the executor can log and
 * store them.
 */

/** One file selected for an artifact: where it is on disk and where it lands in the artifact. */
export interface ArtifactFile {
  /** Absolute path of the bytes to copy. For a followed symlink this is the link's real target. */
  absPath: string;
  /** POSIX path inside the artifact (zip entry name, or path below the NONE-packaging folder). */
  archivePath: string;
  /**
   * Set only with `enable-symlinks: yes`: the entry is stored as a symbolic link with this
   * (relative) target instead of the target's bytes.
   */
  symlink?: string;
}

/** The buildspec keys resolveArtifactFiles reads (an `ArtifactSpec` fits). */
export interface ArtifactSelection {
  /** Globs, already variable-expanded by the caller (spec A.12: `$VARS` work in paths). */
  files: string[];
  baseDirectory?: string;
  discardPaths?: boolean;
  excludePaths?: string[];
  enableSymlinks?: boolean;
}

export interface ResolveOptions {
  /**
   * Absolute directories besides rootDir that absolute paths may point into (e.g. secondary
   * source directories, or a per-build temp dir standing in for `/tmp`). Real CodeBuild runs in a
   * throw-away container, so `/tmp/build.json` is harmless there (corpus 036, 005); here it is the
   * host, so any other absolute path is skipped like a path that matched nothing.
   */
  allowedRoots?: string[];
  /** Receives CodeBuild's UPLOAD_ARTIFACTS log lines (spec A.10 log format), without prefix. */
  onLog?: (line: string) => void;
}

export interface ZipDigest {
  size: number;
  /** Lower-case hex, as `Build.artifacts.sha256sum` / `md5sum` report them (spec A.12). */
  sha256: string;
  md5: string;
}
