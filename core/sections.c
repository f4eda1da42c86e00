/* sections stage. (stub) */
#include "internal.h"

void gipr_find_sections(gipr_ctx *c)
{
    (void)c;
}
