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

#include <string.h>

#include "ikev2_resume_replay.h"
#include "lswalloc.h"
#include "passert.h"
#include "constants.h"		/* for memeq() */
#include "hunk.h"		/* for raw_ntoh() */

/* the table starts small and doubles; at most half full */
#define MIN_SLOTS	1024

struct entry {
	uint8_t id[RESUME_TICKET_ID_SIZE];
	int64_t expiry;		/* seconds since the epoch; 0 = empty slot */
	int64_t made;		/* when it was recorded, seconds since the epoch */
};

struct resume_replay_cache {
	unsigned max_entries;
	unsigned nr_entries;
	unsigned nr_slots;	/* a power of two */
	struct entry *slots;
};

static struct entry *alloc_slots(unsigned nr_slots)
{
	return alloc_things(struct entry, nr_slots, "resume replay slots");
}

struct resume_replay_cache *alloc_resume_replay_cache(unsigned max_entries)
{
	struct resume_replay_cache *cache = alloc_thing(struct resume_replay_cache,
							"resume replay cache");
	cache->max_entries = (max_entries > 0 ? max_entries : 1);
	cache->nr_slots = MIN_SLOTS;
	cache->slots = alloc_slots(cache->nr_slots);
	return cache;
}

void free_resume_replay_cache(struct resume_replay_cache **cache)
{
	if (*cache == NULL) {
		return;
	}
	pfree((*cache)->slots);
	pfree(*cache);
	*cache = NULL;
}

/* ids are random: any 32 bits of them hash well */
static unsigned first_slot(const struct resume_replay_cache *cache,
			   const uint8_t id[RESUME_TICKET_ID_SIZE])
{
	uint32_t h = raw_ntoh(id, sizeof(h));
	return h & (cache->nr_slots - 1);
}

/* the slot holding ID, or the empty slot where the probe ended */
static struct entry *probe(const struct resume_replay_cache *cache,
			   const uint8_t id[RESUME_TICKET_ID_SIZE])
{
	unsigned mask = cache->nr_slots - 1;
	for (unsigned i = first_slot(cache, id); ; i = (i + 1) & mask) {
		struct entry *e = &cache->slots[i];
		if (e->expiry == 0 || memeq(e->id, id, RESUME_TICKET_ID_SIZE)) {
			return e;
		}
	}
}

bool resume_replay_seen(const struct resume_replay_cache *cache,
			const uint8_t id[RESUME_TICKET_ID_SIZE], realtime_t now)
{
	const struct entry *e = probe(cache, id);
	return e->expiry != 0 && e->expiry > now.rt.tv_sec;
}

/* rebuild into NR_SLOTS slots, keeping the live entries */
static void rehash(struct resume_replay_cache *cache, unsigned nr_slots, realtime_t now)
{
	struct entry *old = cache->slots;
	unsigned old_slots = cache->nr_slots;
	cache->slots = alloc_slots(nr_slots);
	cache->nr_slots = nr_slots;
	cache->nr_entries = 0;
	for (unsigned i = 0; i < old_slots; i++) {
		if (old[i].expiry > now.rt.tv_sec) {
			struct entry *e = probe(cache, old[i].id);
			*e = old[i];
			cache->nr_entries++;
		}
	}
	pfree(old);
}

void resume_replay_sweep(struct resume_replay_cache *cache, realtime_t now)
{
	rehash(cache, cache->nr_slots, now);
}

enum resume_replay_result resume_replay_check(struct resume_replay_cache *cache,
					      const uint8_t id[RESUME_TICKET_ID_SIZE],
					      realtime_t now)
{
	if (resume_replay_seen(cache, id, now)) {
		return RESUME_REPLAY_DUPLICATE;
	}
	if (cache->nr_entries >= cache->max_entries) {
		resume_replay_sweep(cache, now);
		if (cache->nr_entries >= cache->max_entries) {
			return RESUME_REPLAY_FULL;
		}
	}
	return RESUME_REPLAY_ROOM;
}

/* record ID as made at MADE until EXPIRY; the caller checked for room */
static enum resume_replay_result insert(struct resume_replay_cache *cache,
					const uint8_t id[RESUME_TICKET_ID_SIZE],
					realtime_t made, realtime_t expiry, realtime_t now)
{
	if (expiry.rt.tv_sec <= now.rt.tv_sec) {
		/* expired tickets are refused anyway: nothing to remember */
		return RESUME_REPLAY_RECORDED;
	}
	/* keep the table at most half full */
	if (2 * (cache->nr_entries + 1) > cache->nr_slots) {
		rehash(cache, 2 * cache->nr_slots, now);
	}
	struct entry *e = probe(cache, id);
	if (e->expiry == 0) {
		cache->nr_entries++;
	}
	/* else: an expired entry for the same id, reused */
	memcpy(e->id, id, RESUME_TICKET_ID_SIZE);
	e->expiry = expiry.rt.tv_sec;
	e->made = made.rt.tv_sec;
	return RESUME_REPLAY_RECORDED;
}

enum resume_replay_result resume_replay_record(struct resume_replay_cache *cache,
					       const uint8_t id[RESUME_TICKET_ID_SIZE],
					       realtime_t expiry, realtime_t now)
{
	enum resume_replay_result room = resume_replay_check(cache, id, now);
	if (room != RESUME_REPLAY_ROOM) {
		return room;
	}
	return insert(cache, id, now, expiry, now);
}

bool resume_replay_lookup(const struct resume_replay_cache *cache,
			  const uint8_t id[RESUME_TICKET_ID_SIZE], realtime_t now,
			  realtime_t *made)
{
	const struct entry *e = probe(cache, id);
	if (e->expiry == 0 || e->expiry <= now.rt.tv_sec) {
		return false;
	}
	*made = realtime(e->made);
	return true;
}

enum resume_replay_result resume_replay_renew(struct resume_replay_cache *cache,
					      const uint8_t id[RESUME_TICKET_ID_SIZE],
					      realtime_t made, realtime_t expiry,
					      realtime_t now)
{
	if (resume_replay_seen(cache, id, now)) {
		struct entry *e = probe(cache, id);
		e->made = made.rt.tv_sec;
		e->expiry = expiry.rt.tv_sec;
		return RESUME_REPLAY_RECORDED;
	}
	enum resume_replay_result room = resume_replay_check(cache, id, now);
	if (room != RESUME_REPLAY_ROOM) {
		return room;
	}
	return insert(cache, id, made, expiry, now);
}

bool resume_replay_next(const struct resume_replay_cache *cache, unsigned *cursor,
			realtime_t now, uint8_t id[RESUME_TICKET_ID_SIZE],
			realtime_t *made, realtime_t *expiry)
{
	for (; *cursor < cache->nr_slots; (*cursor)++) {
		const struct entry *e = &cache->slots[*cursor];
		if (e->expiry > now.rt.tv_sec) {
			memcpy(id, e->id, RESUME_TICKET_ID_SIZE);
			*made = realtime(e->made);
			*expiry = realtime(e->expiry);
			(*cursor)++;
			return true;
		}
	}
	return false;
}

unsigned resume_replay_entries(const struct resume_replay_cache *cache)
{
	return cache->nr_entries;
}

unsigned resume_replay_max_entries(const struct resume_replay_cache *cache)
{
	return cache->max_entries;
}

size_t resume_replay_memory(const struct resume_replay_cache *cache)
{
	return sizeof(*cache) + cache->nr_slots * sizeof(cache->slots[0]);
}
