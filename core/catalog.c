/* The catalog of indicator codes and the consistency rules, compiled from catalog.def and
 * rules.def (their single source). */
#include "gipr.h"

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

const gipr_catalog_entry *gipr_catalog_find(const char *code)
{
    for (int i = 0; i < gipr_catalog_count; i++)
        if (strcmp(gipr_catalog[i].code, code) == 0)
            return &gipr_catalog[i];
    return NULL;
}

const gipr_rule *gipr_rule_find(const char *rule)
{
    for (int i = 0; i < gipr_rules_count; i++)
        if (strcmp(gipr_rules[i].rule, rule) == 0)
            return &gipr_rules[i];
    return NULL;
}
