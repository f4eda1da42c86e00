/* The tables compiled into gipr: gipr_catalog, gipr_rules, gipr_regions. Each is an array of
 * structs of strings; one generic read-only cursor serves them all, a table being its columns and
 * where each column sits in the struct. Empty strings ("no parent") read as NULL. */
#include "ext.h"

#include "../core/regions.h"

#include <stddef.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *columns; /* for CREATE TABLE */
    int ncolumns;
    const void *rows;
    size_t row_size;
    const int *count;
    const size_t *offsets; /* of each column's const char * in a row */
} static_table;

#define COLUMN_NAME(c) #c ","
#define CATALOG_OFFSET(c) offsetof(gipr_catalog_entry, c),
#define RULE_OFFSET(c) offsetof(gipr_rule, c),
#define REGION_OFFSET(c) offsetof(gipr_region, c),
#define COUNT(c) +1

#define CATALOG_COLUMNS(X) X(code) X(templates) X(dims) X(unit) X(label) X(parent) X(note)
#define RULE_COLUMNS(X) X(rule) X(templates) X(severity) X(statement) X(why)
#define REGION_COLUMNS(X) X(code) X(name) X(parent) X(level) X(full_name)

static const size_t catalog_offsets[] = {CATALOG_COLUMNS(CATALOG_OFFSET)};
static const size_t rule_offsets[] = {RULE_COLUMNS(RULE_OFFSET)};
static const size_t region_offsets[] = {REGION_COLUMNS(REGION_OFFSET)};

static const static_table static_tables[] = {
    {"gipr_catalog", CATALOG_COLUMNS(COLUMN_NAME), 0 CATALOG_COLUMNS(COUNT), gipr_catalog,
     sizeof(gipr_catalog_entry), &gipr_catalog_count, catalog_offsets},
    {"gipr_rules", RULE_COLUMNS(COLUMN_NAME), 0 RULE_COLUMNS(COUNT), gipr_rules, sizeof(gipr_rule),
     &gipr_rules_count, rule_offsets},
    {"gipr_regions", REGION_COLUMNS(COLUMN_NAME), 0 REGION_COLUMNS(COUNT), gipr_regions,
     sizeof(gipr_region), &gipr_regions_count, region_offsets},
};

typedef struct {
    sqlite3_vtab base;
    const static_table *table;
} static_vtab;

typedef struct {
    sqlite3_vtab_cursor base;
    int row;
} static_cursor;

static int static_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **out, char **err)
{
    const static_table *t = aux;
    if (argc > 3) {
        *err = sqlite3_mprintf("%s takes no arguments", t->name);
        return SQLITE_ERROR;
    }
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS); /* constant data: safe anywhere */
    /* the column list ends with a comma */
    char *sql = sqlite3_mprintf("CREATE TABLE x(%.*s)", (int)strlen(t->columns) - 1, t->columns);
    int rc = sql ? sqlite3_declare_vtab(db, sql) : SQLITE_NOMEM;
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        return rc;
    static_vtab *v = sqlite3_malloc64(sizeof *v);
    if (!v)
        return SQLITE_NOMEM;
    memset(v, 0, sizeof *v);
    v->table = t;
    *out = &v->base;
    return SQLITE_OK;
}

static int static_disconnect(sqlite3_vtab *v)
{
    sqlite3_free(v);
    return SQLITE_OK;
}

static int static_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    const static_table *t = ((static_vtab *)base)->table;
    info->estimatedCost = *t->count;
    info->estimatedRows = *t->count;
    return SQLITE_OK;
}

static int static_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out)
{
    static_cursor *c = sqlite3_malloc64(sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *out = &c->base;
    return SQLITE_OK;
}

static int static_close(sqlite3_vtab_cursor *c)
{
    sqlite3_free(c);
    return SQLITE_OK;
}

static int static_filter(sqlite3_vtab_cursor *base, int idxNum, const char *idxStr, int argc,
                         sqlite3_value **argv)
{
    (void)idxNum, (void)idxStr, (void)argc, (void)argv;
    ((static_cursor *)base)->row = 0;
    return SQLITE_OK;
}

static int static_next(sqlite3_vtab_cursor *base)
{
    ((static_cursor *)base)->row++;
    return SQLITE_OK;
}

static int static_eof(sqlite3_vtab_cursor *base)
{
    const static_table *t = ((static_vtab *)base->pVtab)->table;
    return ((static_cursor *)base)->row >= *t->count;
}

static int static_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col)
{
    const static_table *t = ((static_vtab *)base->pVtab)->table;
    const char *row = (const char *)t->rows + (size_t)((static_cursor *)base)->row * t->row_size;
    gipr_result_text(ctx, *(const char *const *)(row + t->offsets[col]), 1);
    return SQLITE_OK;
}

static int static_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid)
{
    *rowid = ((static_cursor *)base)->row + 1;
    return SQLITE_OK;
}

static const sqlite3_module static_module = {
    .iVersion = 0,
    .xCreate = static_connect, /* eponymous, and CREATE VIRTUAL TABLE works too */
    .xConnect = static_connect,
    .xBestIndex = static_best_index,
    .xDisconnect = static_disconnect,
    .xDestroy = static_disconnect,
    .xOpen = static_open,
    .xClose = static_close,
    .xFilter = static_filter,
    .xNext = static_next,
    .xEof = static_eof,
    .xColumn = static_column,
    .xRowid = static_rowid,
};

int gipr_register_static_tables(sqlite3 *db)
{
    int n = (int)(sizeof static_tables / sizeof static_tables[0]);
    for (int i = 0; i < n; i++) {
        int rc = sqlite3_create_module(db, static_tables[i].name, &static_module,
                                       (void *)&static_tables[i]);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
