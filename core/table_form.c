/* table_form stage. (stub) */
#include "internal.h"
#include "tables.h"

void gipr_read_form_tables(gipr_ctx *c)
{
    (void)c;
}

void gipr_find_form_tables(gipr_ctx *c)
{
    (void)c;
}
