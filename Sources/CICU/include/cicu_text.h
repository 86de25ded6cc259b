#ifndef ARKISTO_CICU_TEXT_H
#define ARKISTO_CICU_TEXT_H

// Word segmentation and normalisation for the Finnish analyzer, with stable names and no ICU types.
// Only <stdint.h> is included so that Swift never sees ICU's version-renamed declarations.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word break iterator over UTF-8 text. Not thread-safe: one per thread or analyzer.
typedef struct cicu_word_iterator cicu_word_iterator;

/// Kinds of word segments reported by `cicu_word_iterator_next` (ICU's rule status ranges).
enum {
    CICU_WORD_END = 0,      ///< No more words.
    CICU_WORD_NUMBER = 1,   ///< Digits, possibly with `.` `,` between them (`12.3.2024`).
    CICU_WORD_LETTER = 2,   ///< Letters, possibly with digits or word-internal `:` `.` `'` (`EU:n`).
    CICU_WORD_KANA = 3,
    CICU_WORD_IDEO = 4,
};

/// Opens a word iterator for `locale` (e.g. "fi"). Returns NULL and sets `*errorCode` (an ICU
/// error code, nonzero) on failure.
cicu_word_iterator *cicu_word_iterator_open(const char *locale, int32_t *errorCode);

void cicu_word_iterator_close(cicu_word_iterator *iterator);

/// Points the iterator at `text` (UTF-8, `length` bytes). The bytes must stay valid and unchanged
/// while the iterator is used. Returns 0 on success, an ICU error code otherwise.
int32_t cicu_word_iterator_set_utf8(cicu_word_iterator *iterator, const uint8_t *text, int64_t length);

/// Advances to the next word segment, skipping whitespace, punctuation and symbols. Stores the
/// segment's UTF-8 byte offsets in `*start` and `*end` and returns its kind, or `CICU_WORD_END`.
int32_t cicu_word_iterator_next(cicu_word_iterator *iterator, int64_t *start, int64_t *end);

/// Folds UTF-8 text for search: NFKC with Unicode case folding (NFKC_Casefold), then removes the
/// combining diacritics U+0300..U+036F except those making ä, ö and å (é → e, ü → u, ñ → n, while
/// ä, ö, å stay themselves). Invalid UTF-8 becomes U+FFFD.
///
/// Writes at most `capacity` bytes to `destination` and returns the full length of the result,
/// which may exceed `capacity` (call again with a larger buffer), or a negative value on error.
int32_t cicu_fold_utf8(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity);

/// Whether UTF-8 text is certainly in Unicode Normalization Form C (ICU's NFC quick check
/// answers yes for every character): 1 if so; 0 when it is not, may not be, or cannot be checked.
int32_t cicu_is_nfc_utf8(const uint8_t *source, int32_t length);

/// Unicode Normalization Form C of UTF-8 text, in time linear in its length (Foundation's
/// `precomposedStringWithCanonicalMapping` moves the rest of the text for each change, which is
/// quadratic on large garbage). Invalid UTF-8 becomes U+FFFD.
///
/// Writes at most `capacity` bytes to `destination` and returns the full length of the result,
/// which may exceed `capacity` (call again with a larger buffer), or a negative value on error.
int32_t cicu_nfc_utf8(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
