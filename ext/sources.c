/* Expanding a source argument (a file, a directory or a glob) into sorted file paths. */
#include "ext.h"
#include "sources.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

void gipr_pathlist_free(gipr_pathlist *l)
{
    for (int i = 0; i < l->n; i++)
        sqlite3_free(l->paths[i]);
    sqlite3_free(l->paths);
    memset(l, 0, sizeof *l);
}

int gipr_pathlist_add(gipr_pathlist *l, const char *path)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        char **p = sqlite3_realloc64(l->paths, (sqlite3_uint64)cap * sizeof *p);
        if (!p)
            return SQLITE_NOMEM;
        l->paths = p;
        l->cap = cap;
    }
    char *copy = sqlite3_mprintf("%s", path);
    if (!copy)
        return SQLITE_NOMEM;
    l->paths[l->n++] = copy;
    return SQLITE_OK;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- glob matching ------------------------------------------------------------------------ */

static int is_globstar(const char *p)
{
    return p[0] == '*' && p[1] == '*' && (p[2] == '/' || p[2] == 0);
}

/* One component of pattern against one component of path (neither contains '/'). */
static int component_matches(const char *p, size_t plen, const char *s, size_t slen)
{
    char pc[NAME_MAX + 1], sc[NAME_MAX + 1];
    if (plen > NAME_MAX || slen > NAME_MAX)
        return 0;
    memcpy(pc, p, plen);
    pc[plen] = 0;
    memcpy(sc, s, slen);
    sc[slen] = 0;
    return fnmatch(pc, sc, FNM_PERIOD) == 0;
}

int gipr_glob_match(const char *p, const char *s)
{
    if (is_globstar(p)) {
        const char *rest = p[2] ? p + 3 : p + 2;
        while (is_globstar(rest)) /* `**` `/` `**` is one `**`: keeps the search linear in depth */
            rest = rest[2] ? rest + 3 : rest + 2;
        /* `**` stands for zero or more whole directories, never hidden ones (like bash globstar) */
        for (const char *t = s;;) {
            if (*rest ? gipr_glob_match(rest, t) : *t != '.')
                return 1;
            const char *slash = strchr(t, '/');
            if (*t == '.' || !slash)
                return 0;
            t = slash + 1;
        }
    }
    size_t plen = strcspn(p, "/"), slen = strcspn(s, "/");
    if (!component_matches(p, plen, s, slen))
        return 0;
    if (!p[plen] || !s[slen])
        return !p[plen] && !s[slen];
    return gipr_glob_match(p + plen + 1, s + slen + 1);
}

/* ---- what a source names: a plan shared by the walk and the membership test ---------------- */

typedef struct {
    const char *file;    /* a single file named literally, or NULL */
    const char *root;    /* the directory walked: root_len bytes of the source ("" = cwd) */
    size_t root_len;
    const char *pattern; /* glob below the root, or NULL: report files by extension */
    int max_depth;       /* components below the root a listed file may have */
} source_plan;

/* What a directory walk lists: text, web pages, and single-file saved pages (.mht/.mhtml). */
static int has_report_extension(const char *name)
{
    static const char *const extensions[] = {".txt", ".htm", ".html", ".mht", ".mhtml", NULL};
    const char *dot = strrchr(name, '.');
    for (int i = 0; dot && extensions[i]; i++)
        if (!strcasecmp(dot, extensions[i]))
            return 1;
    return 0;
}

/* The literal leading directories of a glob (its walk root) end before the first component
 * holding a wildcard; returns the root's length (0: the current directory). */
static size_t glob_root_len(const char *glob)
{
    size_t root = 0;
    for (size_t i = 0; glob[i]; i++) {
        if (strchr("*?[", glob[i]))
            break;
        if (glob[i] == '/')
            root = i ? i : 1; /* keep "/" itself for an absolute glob at the top */
    }
    return root;
}

static int components(const char *p)
{
    int n = 1;
    for (; *p; p++)
        n += *p == '/';
    return n;
}

/* Returns SQLITE_OK, or SQLITE_ERROR (*err set) when source is neither a path nor a glob. */
static int plan_source(const char *source, source_plan *p, char **err)
{
    memset(p, 0, sizeof *p);
    *err = NULL;
    struct stat st;
    if (stat(source, &st) == 0) { /* an existing path is taken literally, even with [ or * in it */
        if (!S_ISDIR(st.st_mode))
            p->file = source;
        p->root = source;
        p->root_len = strlen(source);
        p->max_depth = GIPR_MAX_DEPTH;
        return SQLITE_OK;
    }
    if (!source[strcspn(source, "*?[")]) {
        *err = sqlite3_mprintf("gipr: cannot open '%s': %s", source, strerror(errno));
        return *err ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    p->root = source;
    p->root_len = glob_root_len(source);
    p->pattern = source + p->root_len;
    while (*p->pattern == '/')
        p->pattern++;
    int deep = is_globstar(p->pattern) || strstr(p->pattern, "/**") != NULL;
    p->max_depth = deep ? GIPR_MAX_DEPTH : components(p->pattern);
    return SQLITE_OK;
}

/* Where the path relative to the root starts: after the root and its separator. */
static size_t rel_start(const source_plan *p)
{
    return p->root_len + (p->root_len && p->root[p->root_len - 1] != '/');
}

/* 1 when a regular file at rel (below the root) is one the source names. */
static int plan_accepts(const source_plan *p, const char *rel)
{
    const char *name = strrchr(rel, '/');
    return p->pattern ? gipr_glob_match(p->pattern, rel) : has_report_extension(name ? name + 1 : rel);
}

/* ---- walking directories ------------------------------------------------------------------ */

typedef struct {
    gipr_pathlist *out;
    const source_plan *plan;
    char path[PATH_MAX]; /* the entry being looked at: root + '/' + relative path */
    dev_t dev[GIPR_MAX_DEPTH + 1]; /* the directories being walked, to refuse symlink loops */
    ino_t ino[GIPR_MAX_DEPTH + 1];
} walk;

static int is_being_walked(const walk *w, int depth, const struct stat *st)
{
    for (int i = 0; i < depth; i++)
        if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino)
            return 1;
    return 0;
}

/* Walk the directory at w->path (of length len, `depth` components below the root). */
static int walk_dir(walk *w, size_t len, int depth, const struct stat *dir_st)
{
    w->dev[depth] = dir_st->st_dev;
    w->ino[depth] = dir_st->st_ino;
    DIR *d = opendir(len ? w->path : ".");
    if (!d)
        return SQLITE_OK; /* an unreadable subdirectory holds no reports we can give */
    int rc = SQLITE_OK;
    struct dirent *e;
    while (rc == SQLITE_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') /* ., .. and hidden entries */
            continue;
        size_t nlen = strlen(e->d_name), sep = len && w->path[len - 1] != '/';
        if (len + sep + nlen + 1 > sizeof w->path)
            continue;
        if (sep)
            w->path[len] = '/';
        memcpy(w->path + len + sep, e->d_name, nlen + 1);
        size_t child_len = len + sep + nlen;
        struct stat st;
        if (stat(w->path, &st) != 0)
            continue; /* dangling symlink, or gone meanwhile */
        if (S_ISDIR(st.st_mode)) {
            if (depth + 1 < w->plan->max_depth && !is_being_walked(w, depth + 1, &st))
                rc = walk_dir(w, child_len, depth + 1, &st);
        } else if (S_ISREG(st.st_mode) && plan_accepts(w->plan, w->path + rel_start(w->plan))) {
            rc = gipr_pathlist_add(w->out, w->path);
        }
    }
    closedir(d);
    w->path[len] = 0;
    return rc;
}

static int walk_plan(const source_plan *p, gipr_pathlist *out)
{
    if (p->root_len + 2 > PATH_MAX)
        return SQLITE_OK;
    walk *w = sqlite3_malloc64(sizeof *w);
    if (!w)
        return SQLITE_NOMEM;
    w->out = out;
    w->plan = p;
    memcpy(w->path, p->root, p->root_len);
    w->path[p->root_len] = 0;
    struct stat st;
    int rc = SQLITE_OK;
    if (stat(p->root_len ? w->path : ".", &st) == 0 && S_ISDIR(st.st_mode))
        rc = walk_dir(w, p->root_len, 0, &st);
    sqlite3_free(w);
    return rc;
}

int gipr_sources_expand(const char *source, gipr_pathlist *out, char **err)
{
    source_plan p;
    int rc = plan_source(source, &p, err);
    if (rc == SQLITE_OK)
        rc = p.file ? gipr_pathlist_add(out, p.file) : walk_plan(&p, out);
    if (rc == SQLITE_OK && out->n > 1)
        qsort(out->paths, (size_t)out->n, sizeof *out->paths, compare_paths);
    return rc;
}

/* The test the walk makes, made on one path's spelling: below the root, no hidden component,
 * not too deep, accepted, and a regular file. */
int gipr_sources_contains(const char *source, const char *path, int *contains, char **err)
{
    source_plan p;
    *contains = 0;
    int rc = plan_source(source, &p, err);
    if (rc != SQLITE_OK || !path)
        return rc;
    if (p.file) {
        *contains = strcmp(p.file, path) == 0;
        return SQLITE_OK;
    }
    size_t start = rel_start(&p);
    if (strncmp(path, p.root, p.root_len) != 0 || strlen(path) <= start ||
        (start > p.root_len && path[p.root_len] != '/'))
        return SQLITE_OK;
    const char *rel = path + start;
    int depth = 0;
    for (const char *c = rel; c; c = strchr(c, '/'), c = c ? c + 1 : NULL) {
        if (*c == '.' || *c == '/' || *c == 0 || ++depth > p.max_depth)
            return SQLITE_OK;
    }
    struct stat st;
    *contains = plan_accepts(&p, rel) && stat(path, &st) == 0 && S_ISREG(st.st_mode);
    return SQLITE_OK;
}
