/* unit tests of session resumption (RFC 5723), shared by their files, for libreswan
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

#ifndef RESUMECHECK_H
#define RESUMECHECK_H

#include <stdio.h>
#include <stdbool.h>
#include <pk11pub.h>

struct logger;

extern unsigned passed, failed;

#define CHECK(COND, ...)						\
	({								\
		bool c_ = (COND);					\
		if (c_) {						\
			passed++;					\
		} else {						\
			failed++;					\
			printf("FAIL %s:%d: ", __func__, __LINE__);	\
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
		c_;							\
	})

#define NOW 1800000000		/* a fixed wall clock */
#define HOUR (60 * 60)

double now_us(void);

/* revstore.c: the revocation store's format and keys */
void check_revstore(PK11SlotInfo *slot, struct logger *logger);
void bench_revstore(PK11SlotInfo *slot, struct logger *logger);

#endif
