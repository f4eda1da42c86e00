/* HTML pages -> text lines and table cells. (stub) */
#include "internal.h"

int gipr_looks_like_html(const char *name, const unsigned char *bytes, size_t len)
{
    (void)name, (void)bytes, (void)len;
    return 0;
}

int gipr_html_read(gipr_ctx *c, const unsigned char *bytes, size_t len)
{
    (void)bytes, (void)len;
    gipr_diag(c, "HTML input is not read yet");
    return -1;
}
