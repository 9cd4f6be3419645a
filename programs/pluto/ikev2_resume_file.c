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

#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lswalloc.h"
#include "ikev2_resume_file.h"

static bool write_all(int fd, shunk_t piece)
{
	const uint8_t *p = piece.ptr;
	size_t left = piece.len;
	while (left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			return false;
		}
		p += n;
		left -= n;
	}
	return true;
}

/* the rename is only durable once the directory is */
static bool sync_directory_of(const char *file)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s", file);
	int fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		return false;
	}
	bool ok = (fsync(fd) == 0);
	int error = errno;
	close(fd);
	errno = error;
	return ok;
}

bool resume_file_replace(const char *file, const shunk_t *pieces, unsigned nr_pieces,
			 const char **what, int *error)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof(tmp), "%s" RESUME_FILE_NEW_SUFFIX, file) >= (int)sizeof(tmp)) {
		*what = "naming";
		*error = ENAMETOOLONG;
		return false;
	}
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
	if (fd < 0) {
		*what = "creating a new";
		*error = errno;
		return false;
	}
	bool ok = true;
	*what = "writing";
	for (unsigned i = 0; ok && i < nr_pieces; i++) {
		ok = write_all(fd, pieces[i]);
	}
	if (ok && fsync(fd) != 0) {
		*what = "syncing";
		ok = false;
	}
	*error = errno;
	if (close(fd) != 0 && ok) {
		*what = "closing";
		*error = errno;
		ok = false;
	}
	if (ok && rename(tmp, file) != 0) {
		*what = "renaming";
		*error = errno;
		ok = false;
	}
	if (!ok) {
		unlink(tmp);
		return false;
	}
	if (!sync_directory_of(file)) {
		*what = "syncing the directory of";
		*error = errno;
		return false;
	}
	return true;
}

bool resume_file_read(const char *file, size_t max_size, chunk_t *content, int *error)
{
	*content = empty_chunk;
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*error = errno;
		return false;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*error = errno;
		close(fd);
		return false;
	}
	if (st.st_size < 0 || (uintmax_t)st.st_size > max_size) {
		*error = EFBIG;
		close(fd);
		return false;
	}
	/* one more than expected tells a file that grew meanwhile */
	chunk_t buf = alloc_chunk(st.st_size + 1, "resume file");
	size_t got = 0;
	bool ok = true;
	while (got < buf.len) {
		ssize_t n = read(fd, buf.ptr + got, buf.len - got);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			*error = errno;
			ok = false;
			break;
		}
		if (n == 0) {
			break;
		}
		got += n;
	}
	close(fd);
	if (ok && got != (size_t)st.st_size) {
		*error = EIO;	/* changed while read */
		ok = false;
	}
	if (!ok) {
		free_chunk_content(&buf);
		return false;
	}
	buf.len = got;
	*content = buf;
	return true;
}
