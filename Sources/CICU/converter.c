#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>

typedef struct {
    int32_t count;
} substitution_counter;

// Replaces each illegal or unmappable byte sequence with U+FFFD and counts it.
static void count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                 const char *codeUnits, int32_t length,
                                 UConverterCallbackReason reason, UErrorCode *status) {
    (void)codeUnits;
    (void)length;
    if (reason > UCNV_IRREGULAR) {
        return; // reset, close or clone: nothing to substitute
    }
    substitution_counter *counter = (substitution_counter *)context;
    counter->count += 1;
    static const UChar replacement = 0xFFFD;
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

int cicu_charset_is_known(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status) || converter == NULL) {
        return 0;
    }
    ucnv_close(converter);
    return 1;
}

int32_t cicu_decode_to_utf8(const char *charset,
                            const uint8_t *source, int32_t sourceLength,
                            uint8_t *destination, int32_t capacity,
                            int32_t *substitutions) {
    *substitutions = 0;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status) || converter == NULL) {
        return CICU_UNKNOWN_CHARSET;
    }

    substitution_counter counter = {0};
    ucnv_setToUCallBack(converter, count_and_substitute, &counter, NULL, NULL, &status);
    if (U_FAILURE(status)) {
        ucnv_close(converter);
        return CICU_CONVERSION_FAILED;
    }

    // One source byte never yields more than two UTF-16 units.
    int64_t unitCapacity = (int64_t)sourceLength * 2 + 16;
    if (unitCapacity > INT32_MAX) {
        ucnv_close(converter);
        return CICU_CONVERSION_FAILED;
    }
    UChar *units = malloc((size_t)unitCapacity * sizeof(UChar));
    if (units == NULL) {
        ucnv_close(converter);
        return CICU_CONVERSION_FAILED;
    }

    UChar *target = units;
    const char *input = (const char *)source;
    ucnv_toUnicode(converter, &target, units + unitCapacity, &input, input + sourceLength, NULL, 1, &status);
    ucnv_close(converter);
    if (U_FAILURE(status)) {
        free(units);
        return CICU_CONVERSION_FAILED;
    }

    int32_t utf8Length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub((char *)destination, capacity, &utf8Length, units, (int32_t)(target - units),
                       0xFFFD, NULL, &status);
    free(units);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        status = U_ZERO_ERROR;
    }
    if (U_FAILURE(status)) {
        return CICU_CONVERSION_FAILED;
    }
    *substitutions = counter.count;
    return utf8Length;
}
