#include "cicu_text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

struct cicu_word_iterator {
    UBreakIterator *breaker;
    UText text;          // reopened in place for each text, so setting a text allocates nothing
    int textIsOpen;
    int32_t position;
};

cicu_word_iterator *cicu_word_iterator_open(const char *locale, int32_t *errorCode) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *breaker = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status) || breaker == NULL) {
        *errorCode = status == U_ZERO_ERROR ? U_INTERNAL_PROGRAM_ERROR : status;
        return NULL;
    }
    cicu_word_iterator *iterator = calloc(1, sizeof(cicu_word_iterator));
    if (iterator == NULL) {
        ubrk_close(breaker);
        *errorCode = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    UText empty = UTEXT_INITIALIZER;
    iterator->text = empty;
    iterator->breaker = breaker;
    *errorCode = 0;
    return iterator;
}

void cicu_word_iterator_close(cicu_word_iterator *iterator) {
    if (iterator == NULL) {
        return;
    }
    ubrk_close(iterator->breaker);
    if (iterator->textIsOpen) {
        utext_close(&iterator->text);
    }
    free(iterator);
}

int32_t cicu_word_iterator_set_utf8(cicu_word_iterator *iterator, const uint8_t *text, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    static const char empty = 0;
    utext_openUTF8(&iterator->text, text != NULL ? (const char *)text : &empty, length, &status);
    if (U_FAILURE(status)) {
        return status;
    }
    iterator->textIsOpen = 1;
    ubrk_setUText(iterator->breaker, &iterator->text, &status);
    if (U_FAILURE(status)) {
        return status;
    }
    iterator->position = ubrk_first(iterator->breaker);
    return 0;
}

int32_t cicu_word_iterator_next(cicu_word_iterator *iterator, int64_t *start, int64_t *end) {
    for (;;) {
        int32_t next = ubrk_next(iterator->breaker);
        if (next == UBRK_DONE) {
            return CICU_WORD_END;
        }
        int32_t previous = iterator->position;
        iterator->position = next;
        int32_t status = ubrk_getRuleStatus(iterator->breaker);
        int32_t kind;
        if (status < UBRK_WORD_NONE_LIMIT) {
            continue;
        } else if (status < UBRK_WORD_NUMBER_LIMIT) {
            kind = CICU_WORD_NUMBER;
        } else if (status < UBRK_WORD_LETTER_LIMIT) {
            kind = CICU_WORD_LETTER;
        } else if (status < UBRK_WORD_KANA_LIMIT) {
            kind = CICU_WORD_KANA;
        } else {
            kind = CICU_WORD_IDEO;
        }
        // With UTF-8 UText, ICU's native indexes are byte offsets.
        *start = previous;
        *end = next;
        return kind;
    }
}

// Whether a combining mark `mark` after base letter `base` makes one of the letters that Finnish
// and Swedish treat as distinct: ä, ö (U+0308) and å (U+030A), lower case after case folding.
static int keeps_mark(UChar base, UChar mark) {
    if (mark == 0x0308) {
        return base == u'a' || base == u'o';
    }
    if (mark == 0x030A) {
        return base == u'a';
    }
    return 0;
}

static int32_t normalize(const UNormalizer2 *normalizer, const UChar *source, int32_t length,
                         UChar **destination, int32_t *capacity, UErrorCode *status) {
    int32_t written = unorm2_normalize(normalizer, source, length, *destination, *capacity, status);
    if (*status == U_BUFFER_OVERFLOW_ERROR) {
        UChar *larger = realloc(*destination, sizeof(UChar) * (size_t)(written + 1));
        if (larger == NULL) {
            *status = U_MEMORY_ALLOCATION_ERROR;
            return -1;
        }
        *destination = larger;
        *capacity = written + 1;
        *status = U_ZERO_ERROR;
        written = unorm2_normalize(normalizer, source, length, *destination, *capacity, status);
    }
    return written;
}

int32_t cicu_fold_utf8(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *casefold = unorm2_getNFKCCasefoldInstance(&status);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) {
        return -1;
    }

    int32_t units = 0;
    u_strFromUTF8WithSub(NULL, 0, &units, (const char *)source, length, 0xFFFD, NULL, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        return -1;
    }
    status = U_ZERO_ERROR;
    int32_t capacityA = units + 1, capacityB = units * 2 + 16;
    UChar *a = malloc(sizeof(UChar) * (size_t)capacityA);
    UChar *b = malloc(sizeof(UChar) * (size_t)capacityB);
    int32_t result = -1;
    if (a == NULL || b == NULL) {
        goto done;
    }
    u_strFromUTF8WithSub(a, capacityA, &units, (const char *)source, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) {
        goto done;
    }

    int32_t folded = normalize(casefold, a, units, &b, &capacityB, &status);
    if (U_FAILURE(status)) {
        goto done;
    }

    // Decompose, drop the diacritics other than those of ä, ö, å, compose again. Only needed when
    // something outside ASCII remains.
    int needsStripping = 0;
    for (int32_t i = 0; i < folded; i++) {
        if (b[i] >= 0x80) {
            needsStripping = 1;
            break;
        }
    }
    UChar *final = b;
    int32_t finalLength = folded;
    if (needsStripping) {
        int32_t decomposed = normalize(nfd, b, folded, &a, &capacityA, &status);
        if (U_FAILURE(status)) {
            goto done;
        }
        int32_t kept = 0;
        for (int32_t i = 0; i < decomposed; i++) {
            UChar unit = a[i];
            if (unit >= 0x0300 && unit <= 0x036F) {
                // The base letter is the last kept unit unless other marks came between.
                UChar base = kept > 0 ? a[kept - 1] : 0;
                if (!keeps_mark(base, unit)) {
                    continue;
                }
            }
            a[kept++] = unit;
        }
        finalLength = normalize(nfc, a, kept, &b, &capacityB, &status);
        if (U_FAILURE(status)) {
            goto done;
        }
        final = b;
    }

    int32_t bytes = 0;
    u_strToUTF8WithSub((char *)destination, capacity, &bytes, final, finalLength, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status)) {
        result = bytes;
    }

done:
    free(a);
    free(b);
    return result;
}

int32_t cicu_is_nfc_utf8(const uint8_t *source, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status) || length < 0) {
        return 0;
    }
    UChar small[1024];
    UChar *units = small;
    int32_t count = 0;
    u_strFromUTF8(units, 1024, &count, (const char *)source, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        units = malloc(sizeof(UChar) * (size_t)(count + 1));
        if (units == NULL) {
            return 0;
        }
        status = U_ZERO_ERROR;
        u_strFromUTF8(units, count + 1, &count, (const char *)source, length, &status);
    }
    int32_t result = 0;
    if (U_SUCCESS(status)) {
        result = unorm2_spanQuickCheckYes(nfc, units, count, &status) == count && U_SUCCESS(status);
    }
    if (units != small) {
        free(units);
    }
    return result;
}

int32_t cicu_nfc_utf8(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status) || length < 0) {
        return -1;
    }
    // UTF-8 to UTF-16 never yields more units than bytes.
    UChar *units = malloc(sizeof(UChar) * ((size_t)length + 1));
    if (units == NULL) {
        return -1;
    }
    int32_t count = 0;
    u_strFromUTF8WithSub(units, length + 1, &count, (const char *)source, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) {
        free(units);
        return -1;
    }
    // NFC of a text is rarely longer than the text; when it is, measure and normalise again.
    int32_t normalizedCapacity = count + count / 4 + 16;
    UChar *normalized = malloc(sizeof(UChar) * (size_t)normalizedCapacity);
    int32_t normalizedLength = normalized == NULL ? -1
        : unorm2_normalize(nfc, units, count, normalized, normalizedCapacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR && normalizedLength > 0) {
        free(normalized);
        normalizedCapacity = normalizedLength + 1;
        normalized = malloc(sizeof(UChar) * (size_t)normalizedCapacity);
        status = U_ZERO_ERROR;
        normalizedLength = normalized == NULL ? -1
            : unorm2_normalize(nfc, units, count, normalized, normalizedCapacity, &status);
    }
    free(units);
    if (normalized == NULL || U_FAILURE(status) || normalizedLength < 0) {
        free(normalized);
        return -1;
    }
    int32_t utf8Length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub((char *)destination, capacity, &utf8Length, normalized, normalizedLength, 0xFFFD, NULL, &status);
    free(normalized);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        status = U_ZERO_ERROR;
    }
    return U_FAILURE(status) ? -1 : utf8Length;
}
