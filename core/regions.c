/* Administrative divisions: lookup and resolution. (stub until regions.def is generated) */
#include "regions.h"

#include <string.h>

const gipr_region gipr_regions[] = {{"", "", "", "", ""}};
const int gipr_regions_count = 0;

const gipr_region *gipr_region_by_code(const char *code)
{
    for (int i = 0; i < gipr_regions_count; i++)
        if (strcmp(gipr_regions[i].code, code) == 0)
            return &gipr_regions[i];
    return NULL;
}

const gipr_region *gipr_region_resolve(const char *issuer, const char *text, size_t len)
{
    (void)issuer, (void)text, (void)len;
    return NULL;
}
