/* Normalisation of decoded text. (stub) */
#include "internal.h"

int gipr_normalize(gipr_ctx *c, const char *in, size_t len, char **out, size_t *outlen)
{
    *out = gipr_arena_strndup(c->arena, in, len);
    *outlen = len;
    return *out ? 0 : -1;
}
