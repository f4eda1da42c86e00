/* How values of reports become SQL results (see ext.h). */
#include "ext.h"

#include <math.h>

void gipr_result_text(sqlite3_context *ctx, const char *s, int empty_is_null)
{
    if (!s || (empty_is_null && !*s))
        sqlite3_result_null(ctx);
    else
        sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
}

void gipr_result_positive(sqlite3_context *ctx, long long v)
{
    if (v > 0)
        sqlite3_result_int64(ctx, v);
    else
        sqlite3_result_null(ctx);
}

void gipr_result_number(sqlite3_context *ctx, double v, int integer_when_whole)
{
    if (!isfinite(v))
        sqlite3_result_null(ctx);
    else if (integer_when_whole && v == floor(v) && fabs(v) < 9.0e15) /* exact in a double */
        sqlite3_result_int64(ctx, (sqlite3_int64)v);
    else
        sqlite3_result_double(ctx, v);
}
