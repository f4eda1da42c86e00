/* One virtual-table cursor for every table read from reports (report_tables.c describes them).
 *
 * Each table is an eponymous table-valued function with two HIDDEN arguments,
 *     gipr_indicators(src [, content])
 * and can also be declared as  CREATE VIRTUAL TABLE r USING gipr_indicators('reports')
 * (then src defaults to that argument). The cursor expands src into files (sources.c) and
 * walks them lazily: file k is parsed (or taken from the cache) only when its rows are needed, so
 * LIMIT stops early. A constraint `path = x` narrows the walk to that file, which makes a join of
 * two gipr tables over one glob read each file once. */
#include "cache.h"
#include "carry.h"
#include "report_tables.h"
#include "sources.h"

#include <string.h>

/* idxNum bits: which arguments xFilter receives, in this order in argv */
enum { ARG_SRC = 1, ARG_CONTENT = 2, ARG_PATH = 4 };

typedef struct {
    const gipr_report_table *table;
    gipr_cache *cache;
} module_aux;

typedef struct {
    sqlite3_vtab base;
    const gipr_report_table *table;
    gipr_cache *cache;
    char *default_src; /* from CREATE VIRTUAL TABLE ... USING gipr_x('src'), or NULL */
} report_vtab;

typedef struct {
    sqlite3_vtab_cursor base;
    gipr_pathlist files;       /* the files still to read (file sources) */
    int next_file;
    gipr_cached *pinned;       /* the report being read, from the cache */
    const gipr_report *report; /* rows come from here: the pinned report or the CARRY rows */
    int row, nrows;
    int carry_done;
    gipr_carry carry;
    char *src; /* the source argument, for the hidden column */
    sqlite3_int64 rowid;
    int eof;
} report_cursor;

/* The hidden columns follow the table's own columns. */
static int src_column(const report_vtab *v) { return v->table->ncolumns; }
static int content_column(const report_vtab *v) { return v->table->ncolumns + 1; }

/* An argument of CREATE VIRTUAL TABLE as SQLite hands it over: 'text', "text", `text`, [text] or
 * a bare word. */
static char *dequote(const char *arg)
{
    while (*arg == ' ' || *arg == '\t' || *arg == '\n')
        arg++;
    size_t n = strlen(arg);
    while (n && (arg[n - 1] == ' ' || arg[n - 1] == '\t' || arg[n - 1] == '\n'))
        n--;
    char q = n >= 2 ? arg[0] : 0, close = q == '[' ? ']' : q;
    if (!(q == '\'' || q == '"' || q == '`' || q == '[') || arg[n - 1] != close)
        return sqlite3_mprintf("%.*s", (int)n, arg);
    char *out = sqlite3_malloc64(n);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        out[o++] = arg[i];
        if (arg[i] == close && q != '[' && arg[i + 1] == close) /* '' inside '...' is one ' */
            i++;
    }
    out[o] = 0;
    return out;
}

static int report_connect(sqlite3 *db, void *paux, int argc, const char *const *argv,
                          sqlite3_vtab **out, char **err)
{
    const module_aux *aux = paux;
    if (argc > 4) {
        *err = sqlite3_mprintf("%s: one argument expected (a file, directory or glob)",
                               aux->table->name);
        return SQLITE_ERROR;
    }
    report_vtab *v = sqlite3_malloc64(sizeof *v);
    if (!v)
        return SQLITE_NOMEM;
    memset(v, 0, sizeof *v);
    v->table = aux->table;
    v->cache = aux->cache;
    if (argc == 4 && !(v->default_src = dequote(argv[3]))) {
        sqlite3_free(v);
        return SQLITE_NOMEM;
    }
    /* it reads files named by its argument: never from a trigger or view of an untrusted schema */
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    char *sql = sqlite3_mprintf("CREATE TABLE x(%s src HIDDEN, content HIDDEN)", v->table->columns);
    int rc = sql ? sqlite3_declare_vtab(db, sql) : SQLITE_NOMEM;
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        sqlite3_free(v->default_src);
        sqlite3_free(v);
        return rc;
    }
    *out = &v->base;
    return SQLITE_OK;
}

static int report_disconnect(sqlite3_vtab *base)
{
    report_vtab *v = (report_vtab *)base;
    sqlite3_free(v->default_src);
    sqlite3_free(v);
    return SQLITE_OK;
}

static int report_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    report_vtab *v = (report_vtab *)base;
    int src = -1, content = -1, path = -1, unusable = 0;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        if (c->op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        /* the cursor compares paths byte for byte: no help for `path = x COLLATE NOCASE` */
        int binary_path =
            c->iColumn == 0 && sqlite3_stricmp(sqlite3_vtab_collation(info, i), "BINARY") == 0;
        int bit = c->iColumn == src_column(v)       ? ARG_SRC
                  : c->iColumn == content_column(v) ? ARG_CONTENT
                  : binary_path                     ? ARG_PATH
                                                    : 0;
        if (!c->usable)
            unusable |= bit;
        else if (bit == ARG_SRC)
            src = i;
        else if (bit == ARG_CONTENT)
            content = i;
        else if (bit == ARG_PATH)
            path = i;
    }
    /* an argument whose value is not known yet: ask for another join order */
    if (((unusable & ARG_SRC) && src < 0) || ((unusable & ARG_CONTENT) && content < 0))
        return SQLITE_CONSTRAINT;
    int argi = 0;
    info->idxNum = 0;
    if (src >= 0) {
        info->aConstraintUsage[src].argvIndex = ++argi;
        info->aConstraintUsage[src].omit = 1;
        info->idxNum |= ARG_SRC;
    }
    if (content >= 0) {
        info->aConstraintUsage[content].argvIndex = ++argi;
        info->aConstraintUsage[content].omit = 1;
        info->idxNum |= ARG_CONTENT;
    }
    if (path >= 0) { /* SQLite checks it again (omit = 0): the cursor only skips other files */
        info->aConstraintUsage[path].argvIndex = ++argi;
        info->idxNum |= ARG_PATH;
    }
    /* files are expensive: one named file is cheap, a whole source is not, no source is useless */
    int has_src = src >= 0 || content >= 0 || v->default_src;
    info->estimatedCost = !has_src ? 1e12 : content >= 0 || path >= 0 ? 1e2 : 1e5;
    info->estimatedRows = content >= 0 || path >= 0 ? 10 : 1000;
    /* rows come in path order (CARRY rows come last, out of that order, so not for gipr_checks) */
    if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == 0 && !info->aOrderBy[0].desc &&
        !v->table->with_carry)
        info->orderByConsumed = 1;
    return SQLITE_OK;
}

static int report_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out)
{
    report_cursor *c = sqlite3_malloc64(sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *out = &c->base;
    return SQLITE_OK;
}

static void cursor_reset(report_cursor *c, gipr_cache *cache)
{
    gipr_cache_unpin(cache, c->pinned);
    gipr_pathlist_free(&c->files);
    gipr_carry_free(&c->carry);
    sqlite3_free(c->src);
    sqlite3_vtab_cursor base = c->base; /* SQLite's part of the cursor stays */
    memset(c, 0, sizeof *c);
    c->base = base;
}

static int report_close(sqlite3_vtab_cursor *base)
{
    report_cursor *c = (report_cursor *)base;
    cursor_reset(c, ((report_vtab *)base->pVtab)->cache);
    sqlite3_free(c);
    return SQLITE_OK;
}

/* Make r (pinned as e) the report whose rows the cursor gives. */
static int use_report(report_cursor *c, const report_vtab *v, gipr_cached *e)
{
    if (!e)
        return SQLITE_NOMEM;
    c->pinned = e;
    c->report = gipr_cached_report(e);
    c->row = 0;
    c->nrows = v->table->rows(c->report);
    if (v->table->with_carry)
        return gipr_carry_add(&c->carry, c->report);
    return SQLITE_OK;
}

/* Move to the next report that has rows: the next file, then the CARRY rows; or set eof. */
static int next_report(report_cursor *c, const report_vtab *v)
{
    int rc = SQLITE_OK;
    do {
        gipr_cache_unpin(v->cache, c->pinned);
        c->pinned = NULL;
        c->report = NULL;
        c->nrows = c->row = 0;
        if (c->next_file < c->files.n) {
            rc = use_report(c, v, gipr_cache_file(v->cache, c->files.paths[c->next_file++]));
        } else if (v->table->with_carry && !c->carry_done && c->carry.n > 1) {
            c->carry_done = 1;
            c->report = gipr_carry_run(&c->carry);
            if (!c->report)
                return SQLITE_NOMEM;
            c->nrows = c->report->nchecks;
        } else {
            c->eof = 1;
        }
    } while (rc == SQLITE_OK && !c->eof && c->row >= c->nrows);
    return rc;
}

/* The files of src: all of them, or only the one a `path = x` constraint names (tested without
 * walking: a join repeats this for every row of its outer table). */
static int list_files(report_cursor *c, const char *src, sqlite3_value *path, char **err)
{
    if (!path)
        return gipr_sources_expand(src, &c->files, err);
    const char *want = (const char *)sqlite3_value_text(path);
    int contains;
    int rc = gipr_sources_contains(src, want, &contains, err);
    if (rc == SQLITE_OK && contains)
        rc = gipr_pathlist_add(&c->files, want);
    return rc;
}

static int report_filter(sqlite3_vtab_cursor *base, int idxNum, const char *idxStr, int argc,
                         sqlite3_value **argv)
{
    (void)idxStr, (void)argc;
    report_cursor *c = (report_cursor *)base;
    report_vtab *v = (report_vtab *)base->pVtab;
    cursor_reset(c, v->cache);
    int argi = 0;
    sqlite3_value *src = idxNum & ARG_SRC ? argv[argi++] : NULL;
    sqlite3_value *content = idxNum & ARG_CONTENT ? argv[argi++] : NULL;
    sqlite3_value *path = idxNum & ARG_PATH ? argv[argi++] : NULL;
    const char *src_text = src ? (const char *)sqlite3_value_text(src) : v->default_src;
    const char *path_text = path ? (const char *)sqlite3_value_text(path) : NULL;
    if (!src && !content && !v->default_src) {
        v->base.zErrMsg = sqlite3_mprintf("%s: a source is required: %s('reports/**/*.txt')",
                                          v->table->name, v->table->name);
        return SQLITE_ERROR;
    }
    if (src_text && !(c->src = sqlite3_mprintf("%s", src_text)))
        return SQLITE_NOMEM;
    if (content) {
        /* the report is the content; src only names it */
        if (path && (!path_text || strcmp(path_text, src_text ? src_text : "") != 0)) {
            c->eof = 1;
            return SQLITE_OK;
        }
        const void *bytes = sqlite3_value_type(content) == SQLITE_BLOB ? sqlite3_value_blob(content)
                                                                       : sqlite3_value_text(content);
        size_t len = (size_t)sqlite3_value_bytes(content);
        int rc = use_report(c, v, gipr_cache_content(v->cache, src_text, bytes, len));
        if (rc != SQLITE_OK)
            return rc;
        return c->row < c->nrows ? SQLITE_OK : next_report(c, v);
    }
    if (!src_text) { /* gipr_x(NULL): nothing to read */
        c->eof = 1;
        return SQLITE_OK;
    }
    char *err = NULL;
    int rc = list_files(c, src_text, path, &err);
    if (rc != SQLITE_OK) {
        v->base.zErrMsg = err;
        return rc;
    }
    return next_report(c, v);
}

static int report_next(sqlite3_vtab_cursor *base)
{
    report_cursor *c = (report_cursor *)base;
    c->rowid++;
    if (++c->row < c->nrows)
        return SQLITE_OK;
    return next_report(c, (report_vtab *)base->pVtab);
}

static int report_eof(sqlite3_vtab_cursor *base)
{
    return ((report_cursor *)base)->eof;
}

static int report_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col)
{
    report_cursor *c = (report_cursor *)base;
    report_vtab *v = (report_vtab *)base->pVtab;
    if (col == src_column(v))
        gipr_result_text(ctx, c->src, 0);
    else if (col == content_column(v))
        sqlite3_result_null(ctx); /* the content is not kept: reports can be large */
    else
        v->table->column(ctx, c->report, c->row, col);
    return SQLITE_OK;
}

static int report_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid)
{
    *rowid = ((report_cursor *)base)->rowid;
    return SQLITE_OK;
}

static const sqlite3_module report_module = {
    .iVersion = 0,
    .xCreate = report_connect, /* the same as xConnect: eponymous, and CREATE VIRTUAL TABLE works */
    .xConnect = report_connect,
    .xBestIndex = report_best_index,
    .xDisconnect = report_disconnect,
    .xDestroy = report_disconnect,
    .xOpen = report_open,
    .xClose = report_close,
    .xFilter = report_filter,
    .xNext = report_next,
    .xEof = report_eof,
    .xColumn = report_column,
    .xRowid = report_rowid,
};

static void module_aux_free(void *p)
{
    module_aux *aux = p;
    gipr_cache_unref(aux->cache);
    sqlite3_free(aux);
}

int gipr_register_report_tables(sqlite3 *db, gipr_cache *cache)
{
    for (int i = 0; i < gipr_report_tables_count; i++) {
        module_aux *aux = sqlite3_malloc64(sizeof *aux);
        if (!aux)
            return SQLITE_NOMEM;
        aux->table = &gipr_report_tables[i];
        aux->cache = cache;
        gipr_cache_ref(cache);
        /* on failure SQLite calls the destructor itself */
        int rc = sqlite3_create_module_v2(db, aux->table->name, &report_module, aux, module_aux_free);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
