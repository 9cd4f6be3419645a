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

#include <string.h>	/* for explicit_bzero() */

#include "ikev2_resume_wipe.h"

void wipe_secret_bytes(void *ptr, size_t len)
{
	if (ptr != NULL && len > 0) {
		explicit_bzero(ptr, len);
	}
}

void free_secret_chunk_content(chunk_t *chunk)
{
	wipe_secret_bytes(chunk->ptr, chunk->len);
	free_chunk_content(chunk);
}
