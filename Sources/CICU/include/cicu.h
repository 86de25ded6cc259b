#ifndef ARKISTO_CICU_H
#define ARKISTO_CICU_H

// A stable, ICU-free interface to the parts of ICU that Arkisto uses. Only <stdint.h> is included
// here so that Swift modules importing this never see ICU's own (version-renamed) declarations.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Result codes of `cicu_decode_to_utf8`.
enum {
    CICU_UNKNOWN_CHARSET = -1,
    CICU_CONVERSION_FAILED = -2,
};

/// Converts `source` from `charset` (any IANA name or alias ICU knows, NUL-terminated) to UTF-8.
///
/// Writes at most `capacity` bytes to `destination` and returns the full UTF-8 length, which may be
/// larger than `capacity`: call again with a bigger buffer then. Bytes invalid in the charset become
/// U+FFFD and are counted in `*substitutions`. Returns `CICU_UNKNOWN_CHARSET` when ICU does not know
/// the name and `CICU_CONVERSION_FAILED` on any other ICU error.
int32_t cicu_decode_to_utf8(const char *charset,
                            const uint8_t *source, int32_t sourceLength,
                            uint8_t *destination, int32_t capacity,
                            int32_t *substitutions);

/// Whether ICU has a converter for `charset`.
int cicu_charset_is_known(const char *charset);

#ifdef __cplusplus
}
#endif

#endif
