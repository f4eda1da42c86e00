/* metadata stage. (stub) */
#include "internal.h"

void gipr_read_metadata(gipr_ctx *c)
{
    (void)c;
}
