/* Numbers as written. (stub: ASCII digits only) */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int gipr_number(const char *text, size_t len, double *value, const char **qualifier)
{
    char buf[64];
    if (qualifier)
        *qualifier = NULL;
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, text, len);
    buf[len] = 0;
    char *end;
    double v = strtod(buf, &end);
    if (end == buf || *end)
        return 0;
    *value = v;
    return 1;
}
