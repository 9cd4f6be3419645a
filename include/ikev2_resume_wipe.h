/* IKEv2 session resumption (RFC 5723): wiping secrets, for libreswan
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * This program is distributed in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY
 * or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
 * for more details.
 */

/*
 * A memset() of a buffer that is about to be freed or go out of scope
 * is a dead store the compiler may drop.  Every buffer of session
 * resumption that held a secret (a cluster seed, its hex text, a
 * ticket's plaintext) is wiped here instead, with the platform's
 * explicit_bzero(), which the compiler must keep.
 */

#ifndef IKEV2_RESUME_WIPE_H
#define IKEV2_RESUME_WIPE_H

#include <stddef.h>

#include "chunk.h"

/* zero LEN bytes at PTR, surely; PTR may be NULL when LEN is 0 */
void wipe_secret_bytes(void *ptr, size_t len);

/* zero an object (a struct, an array) in place */
#define wipe_secret_thing(THING) wipe_secret_bytes(&(THING), sizeof(THING))

/* wipe, then free_chunk_content() */
void free_secret_chunk_content(chunk_t *chunk);

#endif
