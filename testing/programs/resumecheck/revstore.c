/* unit tests of the revocation store's format and keys, for libreswan
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

#define _GNU_SOURCE	/* memmem() */
#include <string.h>

#include "lswalloc.h"
#include "lswlog.h"
#include "ikev2_resume_revstore.h"
#include "ikev2_resume_replay.h"
#include "resumecheck.h"

struct loaded {
	unsigned nr;
	struct resume_revstore_record last;
	const char *refuse;	/* what the callback says to record LAST */
};

static const char *count_record(const struct resume_revstore_record *r, void *context)
{
	struct loaded *l = context;
	l->nr++;
	l->last = *r;
	return l->refuse;
}

static void fill(struct resume_revstore_record *r, unsigned n, enum resume_revstore_kind kind)
{
	zero(r);
	r->kind = kind;
	memcpy(r->key, &n, sizeof(n));
	r->made = realtime(NOW - n);
	r->expiry = realtime(NOW + HOUR + n);
}

void check_revstore(PK11SlotInfo *slot, struct logger *logger)
{
	struct resume_revstore_keys keys, again;
	diag_t d = resume_revstore_find_or_make_keys(slot, &keys, logger);
	if (!CHECK(d == NULL && keys.persistent, "revstore keys: %s",
		   d == NULL ? "not persistent" : str_diag(d))) {
		pfree_diag(&d);
		return;
	}
	/* found again, not made again: the same peer hash */
	d = resume_revstore_find_or_make_keys(slot, &again, logger);
	uint8_t a[RESUME_TICKET_ID_SIZE], b[RESUME_TICKET_ID_SIZE], c[RESUME_TICKET_ID_SIZE];
	resume_revstore_peer_key(&keys, "@west", a, logger);
	if (CHECK(d == NULL, "revstore keys again")) {
		resume_revstore_peer_key(&again, "@west", b, logger);
		CHECK(memcmp(a, b, sizeof(a)) == 0, "the peer hash changes when the key is found again");
		free_resume_revstore_keys(&again);
	}
	resume_revstore_peer_key(&keys, "@east", c, logger);
	CHECK(memcmp(a, c, sizeof(a)) != 0, "two peers hash alike");

	struct resume_revstore_record records[3];
	fill(&records[0], 1, RESUME_REVOKED_TICKET);
	fill(&records[1], 2, RESUME_REVOKED_PEER);
	fill(&records[2], 3, RESUME_REVOCATIONS_LOST);
	chunk_t store = resume_revstore_encode(records, elemsof(records), realtime(NOW), &keys, logger);
	CHECK(store.len == 24 + 3 * 40 + 32, "store size %zu", store.len);
	CHECK(memmem(store.ptr, store.len, "@west", 5) == NULL, "an ID in the clear");

	struct loaded l = {0};
	const char *why = resume_revstore_decode(HUNK_AS_SHUNK(store), &keys, count_record, &l, logger);
	CHECK(why == NULL && l.nr == 3 && l.last.kind == RESUME_REVOCATIONS_LOST &&
	      realtime_cmp(l.last.made, ==, records[2].made) &&
	      realtime_cmp(l.last.expiry, ==, records[2].expiry) &&
	      memcmp(l.last.key, records[2].key, sizeof(l.last.key)) == 0,
	      "round trip: %s, %u records", why == NULL ? "ok" : why, l.nr);

	/* the callback's refusal comes back */
	l = (struct loaded) { .refuse = "full", };
	why = resume_revstore_decode(HUNK_AS_SHUNK(store), &keys, count_record, &l, logger);
	CHECK(why != NULL && streq(why, "full") && l.nr == 1, "a refused record is not the answer");

	/* any flipped octet fails the check, before any record is handed over */
	unsigned undetected = 0;
	for (size_t i = 0; i < store.len; i++) {
		store.ptr[i] ^= 0x01;
		l = (struct loaded) {0};
		why = resume_revstore_decode(HUNK_AS_SHUNK(store), &keys, count_record, &l, logger);
		if (why == NULL || !streq(why, "integrity check failed") || l.nr != 0) {
			undetected++;
		}
		store.ptr[i] ^= 0x01;
	}
	CHECK(undetected == 0, "%u of %zu flipped octets undetected", undetected, store.len);
	/* truncated anywhere */
	undetected = 0;
	for (size_t len = 0; len < store.len; len++) {
		l = (struct loaded) {0};
		why = resume_revstore_decode(shunk2(store.ptr, len), &keys, count_record, &l, logger);
		if (why == NULL || l.nr != 0) {
			undetected++;
		}
	}
	CHECK(undetected == 0, "%u truncations undetected", undetected);
	/* a larger store than any written */
	CHECK(resume_revstore_decode(shunk2(store.ptr, RESUME_REVSTORE_MAX_SIZE + 1), &keys,
				     count_record, &l, logger) != NULL, "an oversized store is read");
	/* an unknown kind, properly MACed, is refused */
	records[1].kind = 9;
	chunk_t odd = resume_revstore_encode(records, elemsof(records), realtime(NOW), &keys, logger);
	l = (struct loaded) {0};
	why = resume_revstore_decode(HUNK_AS_SHUNK(odd), &keys, count_record, &l, logger);
	CHECK(why != NULL && streq(why, "a record of unknown kind"), "an unknown kind is read");
	free_chunk_content(&odd);
	/* without a persistent key nothing is trusted */
	keys.persistent = false;
	CHECK(resume_revstore_decode(HUNK_AS_SHUNK(store), &keys, count_record, &l, logger) != NULL,
	      "a store is read without its key");
	free_chunk_content(&store);
	free_resume_revstore_keys(&keys);
	printf("revstore: keys found again, round trip, tamper, truncation, unknown kind\n");
}

/* pluto's start-up: verify a full store, put each record in its table */
struct tables {
	struct resume_replay_cache *tickets, *peers;
	realtime_t now;
};

static const char *load(const struct resume_revstore_record *r, void *context)
{
	struct tables *t = context;
	return (resume_replay_renew(r->kind == RESUME_REVOKED_TICKET ? t->tickets : t->peers,
				    r->key, r->made, r->expiry, t->now) == RESUME_REPLAY_RECORDED ?
		NULL : "more records than this pluto holds");
}

void bench_revstore(PK11SlotInfo *slot, struct logger *logger)
{
	struct resume_revstore_keys keys;
	diag_t d = resume_revstore_find_or_make_keys(slot, &keys, logger);
	if (d != NULL) {
		fprintf(stderr, "%s\n", str_diag(d));
		exit(1);
	}
	const unsigned nr = RESUME_REVSTORE_MAX_TICKETS + RESUME_REVSTORE_MAX_PEERS;
	struct resume_revstore_record *records = alloc_things(struct resume_revstore_record, nr,
							      "records");
	for (unsigned n = 0; n < nr; n++) {
		fill(&records[n], n, (n < RESUME_REVSTORE_MAX_TICKETS ?
				      RESUME_REVOKED_TICKET : RESUME_REVOKED_PEER));
		/* random-looking keys, as the real ones are */
		uint8_t seed[RESUME_TICKET_ID_SIZE];
		memcpy(seed, &n, sizeof(n));
		resume_revstore_peer_key(&keys, (const char *)seed, records[n].key, logger);
		memcpy(records[n].key + 12, &n, sizeof(n));
	}
	double t0 = now_us();
	chunk_t store = resume_revstore_encode(records, nr, realtime(NOW), &keys, logger);
	double t1 = now_us();
	struct tables t = {
		.tickets = alloc_resume_replay_cache(RESUME_REVSTORE_MAX_TICKETS),
		.peers = alloc_resume_replay_cache(RESUME_REVSTORE_MAX_PEERS),
		.now = realtime(NOW),
	};
	const char *why = resume_revstore_decode(HUNK_AS_SHUNK(store), &keys, load, &t, logger);
	double t2 = now_us();
	printf("revocation store: %u ticket and %u peer revocations, %.1f MB: written in %.0f ms, verified and loaded in %.0f ms (%s)\n",
	       resume_replay_entries(t.tickets), resume_replay_entries(t.peers),
	       store.len / 1e6, (t1 - t0) / 1e3, (t2 - t1) / 1e3, why == NULL ? "all loaded" : why);
	free_resume_replay_cache(&t.tickets);
	free_resume_replay_cache(&t.peers);
	free_chunk_content(&store);
	pfree(records);
	free_resume_revstore_keys(&keys);
}
