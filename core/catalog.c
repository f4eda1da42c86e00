/* The catalog of indicator codes and the consistency rules, compiled from catalog.def and
 * rules.def (their single source). */
#include "gipr.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

const gipr_catalog_entry gipr_catalog[] = {
#define GIPR_INDICATOR(code, templates, dims, unit, label, parent, note) \
    {code, templates, dims, unit, label, parent, note},
#include "catalog.def"
#undef GIPR_INDICATOR
};
const int gipr_catalog_count = (int)(sizeof gipr_catalog / sizeof gipr_catalog[0]);

const gipr_rule gipr_rules[] = {
#define GIPR_RULE(rule, templates, severity, statement, why) {rule, templates, severity, statement, why},
#include "rules.def"
#undef GIPR_RULE
};
const int gipr_rules_count = (int)(sizeof gipr_rules / sizeof gipr_rules[0]);

/* Codes are looked up on every row a reader emits and every term a check adds up, so the catalog
 * gets a hash index (open addressing, built once, thread-safe). */
enum { CODE_SLOTS = 512 }; /* a power of two well above the number of codes */
static short code_slot[CODE_SLOTS]; /* index + 1 into gipr_catalog; 0 = empty */
static pthread_once_t code_index_once = PTHREAD_ONCE_INIT;

static uint32_t hash_code(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void build_code_index(void)
{
    for (int i = 0; i < gipr_catalog_count; i++) {
        uint32_t k = hash_code(gipr_catalog[i].code) & (CODE_SLOTS - 1);
        while (code_slot[k])
            k = (k + 1) & (CODE_SLOTS - 1);
        code_slot[k] = (short)(i + 1);
    }
}

const gipr_catalog_entry *gipr_catalog_find(const char *code)
{
    _Static_assert(CODE_SLOTS > 2 * (sizeof gipr_catalog / sizeof gipr_catalog[0]),
                   "the code index must stay sparse");
    pthread_once(&code_index_once, build_code_index);
    for (uint32_t k = hash_code(code) & (CODE_SLOTS - 1); code_slot[k]; k = (k + 1) & (CODE_SLOTS - 1))
        if (strcmp(gipr_catalog[code_slot[k] - 1].code, code) == 0)
            return &gipr_catalog[code_slot[k] - 1];
    return NULL;
}

const gipr_rule *gipr_rule_find(const char *rule)
{
    for (int i = 0; i < gipr_rules_count; i++)
        if (strcmp(gipr_rules[i].rule, rule) == 0)
            return &gipr_rules[i];
    return NULL;
}
