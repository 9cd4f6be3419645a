/* IKEv2 session resumption (RFC 5723): files that survive a restart, for libreswan
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
 * What session resumption keeps on disk beside the NSS DB (the
 * client's tickets, the gateway's revocations) is written whole: a new
 * owner-only file FILE.new, synced, renamed over FILE, and the
 * directory synced, so that after a crash at any point FILE is either
 * the old content or the new one, never a mix.
 */

#ifndef IKEV2_RESUME_FILE_H
#define IKEV2_RESUME_FILE_H

#include <stdbool.h>

#include "shunk.h"
#include "chunk.h"

#define RESUME_FILE_NEW_SUFFIX	".new"

/*
 * Replace FILE with the concatenation of PIECES.  False, FILE as it
 * was, *ERROR set to the errno and *WHAT to the step that failed.
 */
bool resume_file_replace(const char *file, const shunk_t *pieces, unsigned nr_pieces,
			 const char **what, int *error);

/*
 * All of FILE, at most MAX_SIZE octets, in *CONTENT (to be freed).
 * False with *ERROR: ENOENT when there is none, EFBIG when it is larger.
 */
bool resume_file_read(const char *file, size_t max_size, chunk_t *content, int *error);

#endif
