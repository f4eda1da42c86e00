/* What a `source` argument names, as a sorted list of file paths:
 *   - a file:       that file;
 *   - a directory:  every *.txt, *.htm, *.html below it, at any depth (hidden entries skipped);
 *   - a glob:       `*`, `?`, `[...]` within one path component; `**` as a whole component stands
 *                   for any number of directories. A glob that matches nothing gives an empty list.
 * Paths come in byte order (strcmp). Directory symlinks are followed, but never into a directory
 * that is already being walked (no symlink loops), and never deeper than GIPR_MAX_DEPTH. */
#ifndef GIPR_SOURCES_H
#define GIPR_SOURCES_H

#define GIPR_MAX_DEPTH 64

typedef struct {
    char **paths; /* each sqlite3_malloc'd */
    int n, cap;
} gipr_pathlist;

/* Fill out (which must be zeroed) with the files of source. Returns SQLITE_OK; SQLITE_NOMEM; or
 * SQLITE_ERROR with *err (sqlite3_malloc'd) = "gipr: cannot open 'x.txt': No such file or
 * directory" when source is neither an existing path nor a glob. */
int gipr_sources_expand(const char *source, gipr_pathlist *out, char **err);
void gipr_pathlist_free(gipr_pathlist *l);
int gipr_pathlist_add(gipr_pathlist *l, const char *path); /* SQLITE_OK or SQLITE_NOMEM */

/* Whether gipr_sources_expand(source) would list path, without walking anything: what a cursor
 * narrowed by `path = x` needs, once per row of the outer table of a join. Same errors. */
int gipr_sources_contains(const char *source, const char *path, int *contains, char **err);

/* 1 when path (relative, '/'-separated) matches pattern in the sense above. */
int gipr_glob_match(const char *pattern, const char *path);

#endif
