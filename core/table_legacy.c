/* table_legacy stage. (stub) */
#include "internal.h"
#include "tables.h"

void gipr_read_legacy_tables(gipr_ctx *c)
{
    (void)c;
}

void gipr_find_legacy_tables(gipr_ctx *c)
{
    (void)c;
}
