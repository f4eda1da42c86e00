/* table_form stage. (stub) */
#include "internal.h"

void gipr_read_form_tables(gipr_ctx *c)
{
    (void)c;
}
