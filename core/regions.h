/* China's administrative divisions to county level (GB/T 2260), generated into regions.def by
 * tools/gen_regions.sh from a maintained public dataset. */
#ifndef GIPR_REGIONS_H
#define GIPR_REGIONS_H

#include <stddef.h>

typedef struct {
    const char *code;      /* 6 digits */
    const char *name;      /* 瓯海区 */
    const char *parent;    /* code of the parent, "" for a province */
    const char *level;     /* province | city | county */
    const char *full_name; /* 浙江省温州市瓯海区 */
} gipr_region;

extern const gipr_region gipr_regions[];
extern const int gipr_regions_count;

const gipr_region *gipr_region_by_code(const char *code);

/* The region a report is about, from its issuer (台州市椒江区人民政府) and, to settle ambiguous
 * names (鼓楼区, 台州/泰州), the report's text (laws, web addresses, phone area codes). NULL when
 * unknown. */
const gipr_region *gipr_region_resolve(const char *issuer, const char *text, size_t len);

#endif
