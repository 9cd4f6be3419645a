/* IKEv2 session resumption (RFC 5723) single-use ticket cache, for libreswan
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
 * RFC 5723 4.3.1: a ticket is used once; "used" means an IKE SA was
 * established with it (a retransmitted or abandoned attempt does not
 * count).  The gateway remembers the ticket_id of every ticket an IKE
 * SA was established with until that ticket expires, and refuses it
 * after that.
 *
 * An open-addressing hash table of (ticket_id, expiry, time recorded): O(1) lookups,
 * grown by doubling up to a hard cap on entries, expired entries swept
 * out when it would otherwise grow or refuse.  Ticket ids are random
 * octets chosen by the gateway and sealed in the ticket, so a peer can
 * not aim them at one bucket.  Nothing here knows about IKE; "now" is
 * a parameter.
 */

#ifndef IKEV2_RESUME_REPLAY_H
#define IKEV2_RESUME_REPLAY_H

#include <stdint.h>
#include <stdbool.h>

#include "realtime.h"
#include "ikev2_resume_ticket.h"	/* for RESUME_TICKET_ID_SIZE */

struct resume_replay_cache;

/* the default cap: a million live tickets in well under 64 MiB */
#define RESUME_REPLAY_DEFAULT_ENTRIES	1000000

struct resume_replay_cache *alloc_resume_replay_cache(unsigned max_entries);
void free_resume_replay_cache(struct resume_replay_cache **cache);

bool resume_replay_seen(const struct resume_replay_cache *cache,
			const uint8_t id[RESUME_TICKET_ID_SIZE], realtime_t now);

enum resume_replay_result {
	RESUME_REPLAY_ROOM,		/* not used, and room to record it */
	RESUME_REPLAY_RECORDED,
	RESUME_REPLAY_DUPLICATE,	/* already used */
	RESUME_REPLAY_FULL,		/* at the cap, even after a sweep */
};

/* could ID be recorded now?  ROOM, DUPLICATE or FULL */
enum resume_replay_result resume_replay_check(struct resume_replay_cache *cache,
					      const uint8_t id[RESUME_TICKET_ID_SIZE],
					      realtime_t now);

enum resume_replay_result resume_replay_record(struct resume_replay_cache *cache,
					       const uint8_t id[RESUME_TICKET_ID_SIZE],
					       realtime_t expiry, realtime_t now);

/*
 * When ID was recorded ("made"), if it is there and has not expired:
 * for records whose time of making matters (the gateway's revoked
 * peers: a ticket is refused when its peer authenticated before).
 */
bool resume_replay_lookup(const struct resume_replay_cache *cache,
			  const uint8_t id[RESUME_TICKET_ID_SIZE], realtime_t now,
			  realtime_t *made);

/*
 * Record ID as made at MADE until EXPIRY, or move an existing record
 * to them (a record read back from disk keeps its own times).
 */
enum resume_replay_result resume_replay_renew(struct resume_replay_cache *cache,
					      const uint8_t id[RESUME_TICKET_ID_SIZE],
					      realtime_t made, realtime_t expiry,
					      realtime_t now);

/*
 * The live entries one by one, in no order: start with *CURSOR = 0;
 * false when there are no more.  The cache must not change meanwhile.
 */
bool resume_replay_next(const struct resume_replay_cache *cache, unsigned *cursor,
			realtime_t now, uint8_t id[RESUME_TICKET_ID_SIZE],
			realtime_t *made, realtime_t *expiry);

/* drop entries whose ticket has expired */
void resume_replay_sweep(struct resume_replay_cache *cache, realtime_t now);

unsigned resume_replay_entries(const struct resume_replay_cache *cache);
unsigned resume_replay_max_entries(const struct resume_replay_cache *cache);
size_t resume_replay_memory(const struct resume_replay_cache *cache);

#endif
