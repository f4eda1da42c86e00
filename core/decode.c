/* bytes -> UTF-8. (stub: UTF-8 only; replaced by the decoding stage) */
#include "internal.h"

int gipr_decode(gipr_ctx *c, const unsigned char *bytes, size_t len, char **out, size_t *outlen)
{
    c->r->encoding = "UTF-8";
    *out = gipr_arena_strndup(c->arena, (const char *)bytes, len);
    *outlen = len;
    return *out ? 0 : -1;
}
