/* The scalar functions: gipr_version(), gipr_number(text), gipr_check(source [, content]). */
#include "ext.h"
#include "cache.h"
#include "carry.h"
#include "sources.h"

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc, (void)argv;
    sqlite3_result_text(ctx, GIPR_VERSION, -1, SQLITE_STATIC);
}

/* The value of a number as written (１２３, 4.4万, 一百二十): INTEGER when whole, else REAL; NULL
 * for empty cells (——, /, -) and anything that is not one number. */
static void number_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    double value;
    if (text && gipr_number(text, (size_t)sqlite3_value_bytes(argv[0]), &value, NULL))
        gipr_result_number(ctx, value, 1);
    else
        sqlite3_result_null(ctx);
}

static int count_failures(const gipr_report *r)
{
    int n = 0;
    for (int i = 0; i < r->nchecks; i++)
        n += r->checks[i].status == GIPR_CHECK_FAIL;
    return n;
}

/* The failing checks of the files of a source, CARRY across them included: the count of
 * SELECT ... FROM gipr_checks(source) WHERE status = 'fail'. */
static int failures_of_files(gipr_cache *cache, const char *source, sqlite3_int64 *total, char **err)
{
    gipr_pathlist files = {0};
    gipr_carry carry = {0};
    int rc = gipr_sources_expand(source, &files, err);
    for (int i = 0; rc == SQLITE_OK && i < files.n; i++) {
        gipr_cached *e = gipr_cache_file(cache, files.paths[i]);
        if (!e) {
            rc = SQLITE_NOMEM;
            break;
        }
        *total += count_failures(gipr_cached_report(e));
        rc = gipr_carry_add(&carry, gipr_cached_report(e));
        gipr_cache_unpin(cache, e);
    }
    if (rc == SQLITE_OK && carry.n > 1) {
        const gipr_report *across = gipr_carry_run(&carry);
        if (across)
            *total += count_failures(across);
        else
            rc = SQLITE_NOMEM;
    }
    gipr_carry_free(&carry);
    gipr_pathlist_free(&files);
    return rc;
}

static void check_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    gipr_cache *cache = sqlite3_user_data(ctx);
    const char *source = (const char *)sqlite3_value_text(argv[0]);
    sqlite3_int64 total = 0;
    if (argc == 2) {
        const void *bytes = sqlite3_value_type(argv[1]) == SQLITE_BLOB ? sqlite3_value_blob(argv[1])
                                                                       : sqlite3_value_text(argv[1]);
        gipr_cached *e = gipr_cache_content(cache, source, bytes, (size_t)sqlite3_value_bytes(argv[1]));
        if (!e) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        total = count_failures(gipr_cached_report(e));
        gipr_cache_unpin(cache, e);
    } else if (source) {
        char *err = NULL;
        int rc = failures_of_files(cache, source, &total, &err);
        if (rc != SQLITE_OK) {
            if (err)
                sqlite3_result_error(ctx, err, -1);
            else
                sqlite3_result_error_code(ctx, rc);
            sqlite3_free(err);
            return;
        }
    } else {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_int64(ctx, total);
}

int gipr_register_functions(sqlite3 *db, gipr_cache *cache)
{
    const int pure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function(db, "gipr_version", 0, pure, NULL, version_func, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(db, "gipr_number", 1, pure, NULL, number_func, NULL, NULL);
    /* gipr_check reads files: never from triggers or views */
    for (int nargs = 1; rc == SQLITE_OK && nargs <= 2; nargs++) {
        gipr_cache_ref(cache); /* on failure SQLite calls the destructor itself */
        rc = sqlite3_create_function_v2(db, "gipr_check", nargs, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                        cache, check_func, NULL, NULL, gipr_cache_unref);
    }
    return rc;
}
