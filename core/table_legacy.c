/* table_legacy stage. (stub) */
#include "internal.h"

void gipr_read_legacy_tables(gipr_ctx *c)
{
    (void)c;
}
