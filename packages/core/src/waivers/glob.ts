/**
 * Address globs for waivers and classification overrides. `*` (and `**`) match any run of
 * characters including `/` and `.`, because addresses mix both (`module.db.aws_s3_bucket.x`,
 * `MyStack/Orders/Table`); `?` matches one character; everything else is literal. The whole
 * string must match.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let previousWasStar = false;
  for (const char of glob) {
    if (char === '*') {
      if (!previousWasStar) source += '.*';
      previousWasStar = true;
      continue;
    }
    previousWasStar = false;
    source += char === '?' ? '.' : char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

export function matchesGlob(glob: string, value: string): boolean {
  return globToRegExp(glob).test(value);
}
