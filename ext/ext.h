/* Shared declarations of the SQLite binding (ext/). Every file of ext/ includes this instead of
 * sqlite3ext.h directly: gipr.c owns the API pointer (SQLITE_EXTENSION_INIT1), the others see it. */
#ifndef GIPR_EXT_H
#define GIPR_EXT_H

#include <sqlite3ext.h>
#ifndef GIPR_EXT_MAIN
SQLITE_EXTENSION_INIT3
/* Results (results.c). Text: NULL for a NULL string, and for "" too when empty_is_null (an empty
 * catalog field, a dim that is not there); copied, as the report goes when the cursor moves on.
 * Positive: NULL for 0 of a 1-based number (a line, a year, a parent seq: 0 = unknown or none).
 * Number: INTEGER when whole and integer_when_whole (counts), else REAL (amounts, shares, and a
 * count that is not whole: never rounded into another number); NULL when not finite. */
void gipr_result_text(sqlite3_context *ctx, const char *s, int empty_is_null);
void gipr_result_positive(sqlite3_context *ctx, long long v);
void gipr_result_number(sqlite3_context *ctx, double v, int integer_when_whole);

#endif

#include "../core/gipr.h"

typedef struct gipr_cache gipr_cache;

/* Registration of each part of the binding; each returns an SQLite result code. The cache is
 * shared by every table and function of one connection (see cache.h). */
int gipr_register_report_tables(sqlite3 *db, gipr_cache *cache);
int gipr_register_static_tables(sqlite3 *db);
int gipr_register_functions(sqlite3 *db, gipr_cache *cache);

/* Results (results.c). Text: NULL for a NULL string, and for "" too when empty_is_null (an empty
 * catalog field, a dim that is not there); copied, as the report goes when the cursor moves on.
 * Positive: NULL for 0 of a 1-based number (a line, a year, a parent seq: 0 = unknown or none).
 * Number: INTEGER when whole and integer_when_whole (counts), else REAL (amounts, shares, and a
 * count that is not whole: never rounded into another number); NULL when not finite. */
void gipr_result_text(sqlite3_context *ctx, const char *s, int empty_is_null);
void gipr_result_positive(sqlite3_context *ctx, long long v);
void gipr_result_number(sqlite3_context *ctx, double v, int integer_when_whole);

#endif
