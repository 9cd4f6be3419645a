/* IKEv2 session resumption (RFC 5723): the gateway's revocations, for libreswan
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

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "defs.h"
#include "log.h"
#include "show.h"
#include "state.h"
#include "connections.h"
#include "lswconf.h"
#include "lswnss.h"
#include "ikev2_resume_gateway.h"	/* for resume_gateway_config(), resume_ticket_id_of() */
#include "ikev2_resume_replay.h"
#include "ikev2_resume_file.h"
#include "ikev2_resume_revstore.h"
#include "ikev2_resume_revocation.h"
#ifdef USE_RESUME_STORE
#include "ikev2_resume_store.h"	/* the cluster's shared store */
#endif

#define STORE_BAD_SUFFIX	".bad"

static struct {
	char *file;
	struct resume_revstore_keys keys;
	bool have_keys;		/* else revocations are not possible */
	struct resume_replay_cache *tickets;
	struct resume_replay_cache *peers;
	/* revocations may have been lost: refuse what authenticated until */
	realtime_t lost_before;
	realtime_t lost_until;	/* epoch 0: nothing lost */
} store;

static struct {
	unsigned long revoked;
	unsigned long revoked_peers;
	unsigned long write_failures;
} stats;

/* the longest a ticket issued until now can stay alive */
static realtime_t outlives_tickets(realtime_t now)
{
	return realtime_add(now, resume_gateway_config()->ticket_lifetime);
}

/* the live records of TABLE as KIND, at *NR on */
static void collect(struct resume_revstore_record *records, unsigned *nr,
		    enum resume_revstore_kind kind,
		    const struct resume_replay_cache *table, realtime_t now)
{
	struct resume_revstore_record r = { .kind = kind, };
	for (unsigned cursor = 0;
	     resume_replay_next(table, &cursor, now, r.key, &r.made, &r.expiry); ) {
		records[(*nr)++] = r;
	}
}

/* the whole store, now; false after logging */
static bool write_store(realtime_t now, struct logger *logger)
{
	if (!store.keys.persistent) {
		stats.write_failures++;
		llog(RC_FATAL, logger,
		     "session resumption: revocation not kept across restarts: the NSS DB holds no key for %s",
		     store.file);
		return false;
	}
	bool lost = realtime_cmp(store.lost_until, >, now);
	/* the counts may include entries expired since the last sweep */
	unsigned max = (resume_replay_entries(store.tickets) +
			resume_replay_entries(store.peers) + 1);
	struct resume_revstore_record *records =
		alloc_things(struct resume_revstore_record, max, "revocation records");
	unsigned nr = 0;
	collect(records, &nr, RESUME_REVOKED_TICKET, store.tickets, now);
	collect(records, &nr, RESUME_REVOKED_PEER, store.peers, now);
	if (lost) {
		records[nr++] = (struct resume_revstore_record) {
			.kind = RESUME_REVOCATIONS_LOST,
			.made = store.lost_before,
			.expiry = store.lost_until,
		};
	}
	chunk_t out = resume_revstore_encode(records, nr, now, &store.keys, logger);
	pfree(records);
	const shunk_t pieces[] = { HUNK_AS_SHUNK(out), };
	const char *what;
	int error;
	bool ok = resume_file_replace(store.file, pieces, elemsof(pieces), &what, &error);
	free_chunk_content(&out);
	if (!ok) {
		stats.write_failures++;
		llog_errno(RC_FATAL, logger, error,
			   "session resumption: revocation not kept across restarts: %s %s failed: ",
			   what, store.file);
	}
	return ok;
}

/* a record of a verified store, at NOW; NULL or why not */
static const char *load_record(const struct resume_revstore_record *r, void *context)
{
	realtime_t now = *(const realtime_t *)context;
	if (realtime_cmp(r->expiry, <=, now)) {
		return NULL;	/* it refuses nothing alive */
	}
	switch (r->kind) {
	case RESUME_REVOKED_TICKET:
	case RESUME_REVOKED_PEER:
		if (resume_replay_renew(r->kind == RESUME_REVOKED_TICKET ? store.tickets : store.peers,
					r->key, r->made, r->expiry, now) != RESUME_REPLAY_RECORDED) {
			return "more records than this pluto holds";
		}
		return NULL;
	case RESUME_REVOCATIONS_LOST:
		if (realtime_cmp(r->made, >, store.lost_before)) {
			store.lost_before = r->made;
		}
		if (realtime_cmp(r->expiry, >, store.lost_until)) {
			store.lost_until = r->expiry;
		}
		return NULL;
	}
	bad_case(r->kind);
}

/* revocations may be lost: refuse whatever authenticated until now */
static void fail_closed(const char *why, realtime_t now, struct logger *logger)
{
	store.lost_before = now;
	store.lost_until = realtime_add(outlives_tickets(now), resume_gateway_config()->key_rotation);
	char bad[PATH_MAX];
	snprintf(bad, sizeof(bad), "%s" STORE_BAD_SUFFIX, store.file);
	bool kept = (rename(store.file, bad) == 0);
	llog(RC_LOG, logger,
	     "session resumption: revocation store %s: %s; refusing every ticket whose peer authenticated until now (fail closed)%s%s",
	     store.file, why, (kept ? "; the store is kept as " : ""), (kept ? bad : ""));
	write_store(now, logger);
}

void load_v2_resume_revocations(realtime_t now, struct logger *logger)
{
	if (store.file != NULL) {
		return;	/* once */
	}
	char path[PATH_MAX];
	const char *nssdir = lsw_init_options()->nssdir;
	snprintf(path, sizeof(path), "%s/" RESUME_REVOCATION_FILE,
		 (startswith(nssdir, "sql:") ? nssdir + strlen("sql:") : nssdir));
	store.file = clone_str(path, "revocation store");
	store.tickets = alloc_resume_replay_cache(RESUME_REVSTORE_MAX_TICKETS);
	store.peers = alloc_resume_replay_cache(RESUME_REVSTORE_MAX_PEERS);

	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	diag_t d = (slot == NULL ? diag("the NSS DB is not usable") :
		    resume_revstore_find_or_make_keys(slot, &store.keys, logger));
	if (slot != NULL) {
		PK11_FreeSlot(slot);
	}
	if (d != NULL) {
		/* without the NSS DB there are no tickets to refuse either */
		llog(RC_LOG, logger, "session resumption: revocations are not possible: %s",
		     str_diag(d));
		pfree_diag(&d);
		return;
	}
	store.have_keys = true;
	if (!store.keys.persistent) {
		llog(RC_LOG, logger,
		     "session resumption: revocations are not kept across restarts: the NSS DB can not hold their key");
	}

	chunk_t content;
	int error;
	if (!resume_file_read(store.file, RESUME_REVSTORE_MAX_SIZE, &content, &error)) {
		if (error == ENOENT) {
			return;	/* none made yet */
		}
		fail_closed((error == EFBIG ? "larger than any store this pluto writes" :
			     strerror(error)), now, logger);
		return;
	}
	const char *why = resume_revstore_decode(HUNK_AS_SHUNK(content), &store.keys,
					       load_record, &now, logger);
	free_chunk_content(&content);
	if (why != NULL) {
		fail_closed(why, now, logger);
		return;
	}
	llog(RC_LOG, logger,
	     "session resumption: read %u ticket and %u peer revocation(s) from %s%s",
	     resume_replay_entries(store.tickets), resume_replay_entries(store.peers),
	     store.file, (realtime_cmp(store.lost_until, >, now) ?
			  "; tickets from before an earlier loss of revocations stay refused" : ""));
}

void free_v2_resume_revocations(void)
{
	free_resume_replay_cache(&store.tickets);
	free_resume_replay_cache(&store.peers);
	free_resume_revstore_keys(&store.keys);
	store.have_keys = false;
	pfreeany(store.file);
}

void expire_v2_resume_revocations(realtime_t now)
{
	if (store.tickets != NULL) {
		resume_replay_sweep(store.tickets, now);
		resume_replay_sweep(store.peers, now);
	}
}

bool revoke_v2_resume_peer(const char *peer, struct logger *logger)
{
	realtime_t now = realnow();
	if (peer == NULL || peer[0] == '\0') {
		llog(RC_LOG, logger,
		     "session resumption: revoking by peer ID needs the ID (--name ID, as ipsec status shows it)");
		return false;
	}
	if (!store.have_keys) {
		llog(RC_FATAL, logger,
		     "session resumption: cannot revoke the tickets of peer '%s': revocations are not possible",
		     peer);
		return false;
	}
	realtime_t expiry = outlives_tickets(now);
	uint8_t key[RESUME_TICKET_ID_SIZE];
	resume_revstore_peer_key(&store.keys, peer, key, logger);
	if (resume_replay_renew(store.peers, key, now, expiry, now) != RESUME_REPLAY_RECORDED) {
		llog(RC_FATAL, logger,
		     "session resumption: cannot revoke the tickets of peer '%s': %u peer revocations are held already",
		     peer, resume_replay_max_entries(store.peers));
		return false;
	}
	stats.revoked_peers++;
#ifdef USE_RESUME_STORE
	resume_store_revoke_peer(peer, now, resume_gateway_config()->ticket_lifetime, logger);
#endif
	realtime_buf eb;
	llog(RC_LOG, logger,
	     "session resumption: revoked every ticket issued to peer '%s' until now; it must authenticate in full (the record is kept until %s)",
	     peer, str_realtime(expiry, /*utc?*/false, &eb));
	return write_store(now, logger);
}

void revoke_v2_resume_ticket(const struct ike_sa *ike, const char *why)
{
	/*
	 * Only a gateway issues tickets, and only with an established
	 * IKE SA: an IKE SA it is the responder of.
	 */
	if (ike->sa.st_sa_role != SA_RESPONDER ||
	    !ike->sa.st_connection->config->session_resumption ||
	    store.tickets == NULL) {
		return;
	}
	realtime_t now = realnow();
	uint8_t id[RESUME_TICKET_ID_SIZE];
	resume_ticket_id_of(ike, id);
	if (resume_replay_renew(store.tickets, id, now, outlives_tickets(now), now) !=
	    RESUME_REPLAY_RECORDED) {
		llog(RC_FATAL, ike->sa.logger,
		     "cannot revoke the session resumption ticket of this IKE SA: %u revocations are held already",
		     resume_replay_max_entries(store.tickets));
		return;
	}
	stats.revoked++;
#ifdef USE_RESUME_STORE
	resume_store_revoke_ticket(id, resume_gateway_config()->ticket_lifetime, ike->sa.logger);
#endif
	/* this IKE SA's ticket id, whether or not one was issued */
	llog(RC_LOG, ike->sa.logger,
	     "revoked any session resumption ticket issued with this IKE SA (%s)", why);
	write_store(now, ike->sa.logger);
}

enum resume_reject_reason resume_ticket_revocation(const uint8_t ticket_id[RESUME_TICKET_ID_SIZE],
						   const struct id *peer, realtime_t auth_time,
						   realtime_t now, struct logger *logger)
{
	/* the same second counts as before */
	if (realtime_cmp(store.lost_until, >, now) &&
	    !realtime_cmp(auth_time, >, store.lost_before)) {
		return RESUME_REJECT_REVOCATIONS_LOST;
	}
	if (store.tickets == NULL) {
		return RESUME_REJECT_NONE;
	}
	if (resume_replay_seen(store.tickets, ticket_id, now)) {
		/* an administrator deleted the IKE SA it came with */
		return RESUME_REJECT_REVOKED;
	}
	if (!store.have_keys) {
		return RESUME_REJECT_NONE;
	}
	id_buf idb;
	uint8_t key[RESUME_TICKET_ID_SIZE];
	resume_revstore_peer_key(&store.keys, str_id(peer, &idb), key, logger);
	realtime_t revoked;
	if (resume_replay_lookup(store.peers, key, now, &revoked) &&
	    !realtime_cmp(auth_time, >, revoked)) {
		/* an administrator revoked the peer by its ID since */
		return RESUME_REJECT_REVOKED;
	}
	return RESUME_REJECT_NONE;
}

void jam_v2_resume_revocation_counts(struct jambuf *buf)
{
	jam(buf, " revoked=%lu revoked-peers=%lu", stats.revoked, stats.revoked_peers);
}

void show_v2_resume_revocations(struct show *s, realtime_t now)
{
	if (store.file == NULL) {
		return;
	}
	SHOW_JAMBUF(s, buf) {
		jam(buf, "session resumption: revocations: %s %s, tickets=%u peers=%u write-failures=%lu",
		    store.file, (store.keys.persistent ? "kept across restarts" : "NOT kept across restarts"),
		    (store.tickets == NULL ? 0 : resume_replay_entries(store.tickets)),
		    (store.peers == NULL ? 0 : resume_replay_entries(store.peers)),
		    stats.write_failures);
		if (realtime_cmp(store.lost_until, >, now)) {
			realtime_buf rb;
			jam(buf, " fail-closed: refusing tickets authenticated until %s",
			    str_realtime(store.lost_before, /*utc?*/false, &rb));
		}
	}
}
