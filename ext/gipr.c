/* The SQLite binding: the entry point, registering every table and function of gipr.
 *   tables read from reports:  vtab_report.c (the cursor) + report_tables.c (their columns)
 *   tables compiled in:        vtab_static.c (catalog, rules, regions)
 *   scalar functions:          functions.c
 *   what a source names:       sources.c     parsed reports shared per connection: cache.c
 *   CARRY across reports:      carry.c       values as SQL results: results.c */
#define GIPR_EXT_MAIN
#include "ext.h"
SQLITE_EXTENSION_INIT1

#include "cache.h"

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_gipr_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
    (void)pzErrMsg;
    SQLITE_EXTENSION_INIT2(pApi);
    gipr_cache *cache = gipr_cache_new();
    if (!cache)
        return SQLITE_NOMEM;
    gipr_cache_ref(cache); /* held while registering, so a failure midway cannot free it early */
    int rc = gipr_register_functions(db, cache);
    if (rc == SQLITE_OK)
        rc = gipr_register_report_tables(db, cache);
    if (rc == SQLITE_OK)
        rc = gipr_register_static_tables(db);
    gipr_cache_unref(cache);
    return rc;
}
