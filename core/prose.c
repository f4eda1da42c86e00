/* prose stage. (stub) */
#include "internal.h"

void gipr_read_prose(gipr_ctx *c)
{
    (void)c;
}
