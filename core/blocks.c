/* blocks stage. (stub) */
#include "internal.h"

void gipr_find_tables(gipr_ctx *c)
{
    (void)c;
}
