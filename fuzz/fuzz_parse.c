/* libFuzzer target: any bytes, as text or HTML, must parse without a crash, a leak or a hang. */
#include <stddef.h>
#include <stdint.h>

#include "../core/gipr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static gipr_report *report; /* reused, as the extension reuses its reports */
    if (!report)
        report = gipr_report_new();
    /* the first byte chooses the reader, so both are explored */
    gipr_options opt = {.encoding = NULL, .is_html = size && (data[0] & 1)};
    const char *name = opt.is_html ? "fuzz.html" : "fuzz.txt";
    if (size)
        data++, size--;
    gipr_parse(report, name, data, size, &opt);
    return 0;
}
