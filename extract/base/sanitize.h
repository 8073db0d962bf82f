/* sanitize.h - SOAN_ASAN is defined in AddressSanitizer builds (make
 * check's second pass, make fuzz), with gcc or clang. */
#ifndef SOAN_SANITIZE_H
#define SOAN_SANITIZE_H

#if defined(__SANITIZE_ADDRESS__)
#define SOAN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAN_ASAN 1
#endif
#endif

#endif
