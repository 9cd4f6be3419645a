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
#include "crypt_prf.h"
#include "ike_alg_prf.h"
#include "hunk.h"
#include "ikev2_resume_session.h"	/* for pluto_resume_*, resume_ticket_id_of() */
#include "ikev2_resume_replay.h"
#include "ikev2_resume_file.h"
#include "ikev2_resume_revocation.h"

/*
 * The store, all integers in network order:
 *
 *   header   "LSRV" | version (1) | 3 zeros | written (u64 s) | records (u32) | 4 zeros
 *   record   kind (u8) | 7 zeros | key (16) | made (u64 s) | expiry (u64 s)
 *   MAC      HMAC-SHA256(file key, header | records)
 */
#define STORE_MAGIC		"LSRV"
#define STORE_VERSION		1
#define STORE_HEADER_SIZE	24
#define STORE_RECORD_SIZE	40
#define STORE_MAC_SIZE		32
#define STORE_MAX_RECORDS	(RESUME_REVOKED_MAX_TICKETS + RESUME_REVOKED_MAX_PEERS + 1)
#define STORE_MAX_SIZE		(STORE_HEADER_SIZE + STORE_MAX_RECORDS * STORE_RECORD_SIZE + STORE_MAC_SIZE)
#define STORE_BAD_SUFFIX	".bad"

enum record_kind {
	RECORD_TICKET = 1,	/* key = ticket_id */
	RECORD_PEER = 2,	/* key = keyed hash of the peer's ID */
	RECORD_LOST = 3,	/* key = zeros: authenticated by "made" */
};

#define FILE_MAC_INFO	"libreswan ikev2-resume revocations v1 file MAC"
#define PEER_HASH_INFO	"libreswan ikev2-resume revocations v1 peer ID"

static struct {
	char *file;
	bool persistent;	/* the keys are in the NSS DB */
	PK11SymKey *mac_key;
	PK11SymKey *peer_key;
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

/* derive-only AES-256: the one key the store's keys come from */
static PK11SymKey *find_or_make_store_key(PK11SlotInfo *slot, bool *persistent,
					   struct logger *logger)
{
	PK11SymKey *key = PK11_ListFixedKeysInSlot(slot, (char *)RESUME_REVOCATION_KEY_LABEL,
						   lsw_nss_get_password_context(logger));
	if (key != NULL) {
		/* one is enough; more would be a bug of ours */
		PK11SymKey *next = PK11_GetNextSymKey(key);
		while (next != NULL) {
			PK11SymKey *n = PK11_GetNextSymKey(next);
			PK11_FreeSymKey(next);
			next = n;
		}
		*persistent = true;
		return key;
	}
	const PK11AttrFlags token = (PK11_ATTR_TOKEN | PK11_ATTR_PRIVATE |
				     PK11_ATTR_SENSITIVE | PK11_ATTR_UNEXTRACTABLE);
	key = PK11_TokenKeyGenWithFlags(slot, CKM_AES_KEY_GEN, NULL, 32, NULL, CKF_DERIVE,
					token, lsw_nss_get_password_context(logger));
	if (key != NULL && PK11_SetSymKeyNickname(key, RESUME_REVOCATION_KEY_LABEL) == SECSuccess) {
		*persistent = true;
		return key;
	}
	if (key != NULL) {
		PK11_DeleteTokenSymKey(key);
		PK11_FreeSymKey(key);
	}
	/* revocations still work, until pluto stops */
	*persistent = false;
	return PK11_TokenKeyGenWithFlags(slot, CKM_AES_KEY_GEN, NULL, 32, NULL, CKF_DERIVE,
					 (PK11_ATTR_SESSION | PK11_ATTR_SENSITIVE |
					  PK11_ATTR_UNEXTRACTABLE),
					 lsw_nss_get_password_context(logger));
}

/* HKDF-SHA256(BASE, info=INFO) as an HMAC-SHA256 key, inside NSS */
static PK11SymKey *derive_hmac_key(PK11SymKey *base, const char *info)
{
	CK_NSS_HKDFParams hkdf = {
		.bExtract = CK_TRUE,
		.bExpand = CK_TRUE,
		.pInfo = (CK_BYTE_PTR)info,
		.ulInfoLen = strlen(info),
	};
	SECItem param = {
		.type = siBuffer,
		.data = (void *)&hkdf,
		.len = sizeof(hkdf),
	};
	return PK11_DeriveWithFlags(base, CKM_NSS_HKDF_SHA256, &param,
				    CKM_SHA256_HMAC, CKA_SIGN, 32, 0);
}

static struct crypt_mac hmac(PK11SymKey *key, const char *what, shunk_t data,
			     struct logger *logger)
{
	struct crypt_prf *prf = crypt_prf_init_symkey(what, &ike_alg_prf_sha2_256,
						      "key", key, logger);
	crypt_prf_update_bytes(prf, what, data.ptr, data.len);
	return crypt_prf_final_mac(&prf, NULL);
}

static void peer_key_of(const char *peer, uint8_t key[RESUME_TICKET_ID_SIZE],
			struct logger *logger)
{
	struct crypt_mac mac = hmac(store.peer_key, "revoked peer", shunk1(peer), logger);
	memcpy(key, mac.ptr, RESUME_TICKET_ID_SIZE);
}

/* the longest a ticket issued until now can stay alive */
static realtime_t outlives_tickets(realtime_t now)
{
	return realtime_add(now, pluto_resume_ticket_lifetime);
}

static void put_record(chunk_t *out, enum record_kind kind,
		       const uint8_t key[RESUME_TICKET_ID_SIZE],
		       realtime_t made, realtime_t expiry)
{
	uint8_t *r = out->ptr + out->len;
	memset(r, 0, STORE_RECORD_SIZE);
	r[0] = kind;
	memcpy(r + 8, key, RESUME_TICKET_ID_SIZE);
	raw_hton(made.rt.tv_sec, r + 24, 8);
	raw_hton(expiry.rt.tv_sec, r + 32, 8);
	out->len += STORE_RECORD_SIZE;
}

static void put_table(chunk_t *out, enum record_kind kind,
		      const struct resume_replay_cache *table, realtime_t now)
{
	uint8_t key[RESUME_TICKET_ID_SIZE];
	realtime_t made, expiry;
	for (unsigned cursor = 0;
	     resume_replay_next(table, &cursor, now, key, &made, &expiry); ) {
		put_record(out, kind, key, made, expiry);
	}
}

/* the whole store, now; false after logging */
static bool write_store(realtime_t now, struct logger *logger)
{
	if (!store.persistent) {
		stats.write_failures++;
		llog(RC_FATAL, logger,
		     "session resumption: revocation not kept across restarts: the NSS DB holds no key for %s",
		     store.file);
		return false;
	}
	bool lost = realtime_cmp(store.lost_until, >, now);
	unsigned nr = (resume_replay_entries(store.tickets) +
		       resume_replay_entries(store.peers) + (lost ? 1 : 0));
	chunk_t out = alloc_chunk(STORE_HEADER_SIZE + nr * STORE_RECORD_SIZE, "revocation store");
	memcpy(out.ptr, STORE_MAGIC, 4);
	out.ptr[4] = STORE_VERSION;
	raw_hton(now.rt.tv_sec, out.ptr + 8, 8);
	out.len = STORE_HEADER_SIZE;
	put_table(&out, RECORD_TICKET, store.tickets, now);
	put_table(&out, RECORD_PEER, store.peers, now);
	if (lost) {
		static const uint8_t none[RESUME_TICKET_ID_SIZE];
		put_record(&out, RECORD_LOST, none, store.lost_before, store.lost_until);
	}
	/* entries counts include ones expired since the last sweep */
	raw_hton((out.len - STORE_HEADER_SIZE) / STORE_RECORD_SIZE, out.ptr + 16, 4);
	struct crypt_mac mac = hmac(store.mac_key, "revocation store",
				    HUNK_AS_SHUNK(out), logger);
	const shunk_t pieces[] = { HUNK_AS_SHUNK(out), shunk2(mac.ptr, STORE_MAC_SIZE), };
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

/* one record of a verified store; NULL or why not */
static const char *read_record(const uint8_t *r, realtime_t now)
{
	for (unsigned i = 1; i < 8; i++) {
		if (r[i] != 0) {
			return "a record's reserved octets are not zero";
		}
	}
	const uint8_t *key = r + 8;
	realtime_t made = realtime(raw_ntoh(r + 24, 8));
	realtime_t expiry = realtime(raw_ntoh(r + 32, 8));
	if (realtime_cmp(expiry, <=, now)) {
		return NULL;	/* it refuses nothing alive */
	}
	switch (r[0]) {
	case RECORD_TICKET:
	case RECORD_PEER:
		if (resume_replay_renew(r[0] == RECORD_TICKET ? store.tickets : store.peers,
					key, made, expiry, now) != RESUME_REPLAY_RECORDED) {
			return "more records than this pluto holds";
		}
		return NULL;
	case RECORD_LOST:
		if (realtime_cmp(made, >, store.lost_before)) {
			store.lost_before = made;
		}
		if (realtime_cmp(expiry, >, store.lost_until)) {
			store.lost_until = expiry;
		}
		return NULL;
	}
	return "a record of unknown kind";
}

/* the store as read; NULL or why it can not be trusted */
static const char *read_store(shunk_t content, realtime_t now, struct logger *logger)
{
	if (content.len < STORE_HEADER_SIZE + STORE_MAC_SIZE ||
	    (content.len - STORE_HEADER_SIZE - STORE_MAC_SIZE) % STORE_RECORD_SIZE != 0) {
		return "truncated or malformed (its size)";
	}
	if (!store.persistent) {
		return "its key is not in the NSS DB";
	}
	shunk_t body = shunk2(content.ptr, content.len - STORE_MAC_SIZE);
	struct crypt_mac mac = hmac(store.mac_key, "revocation store", body, logger);
	if (NSS_SecureMemcmp(mac.ptr, (const uint8_t *)content.ptr + body.len,
			     STORE_MAC_SIZE) != 0) {
		return "integrity check failed";
	}
	const uint8_t *h = body.ptr;
	if (memcmp(h, STORE_MAGIC, 4) != 0 || h[4] != STORE_VERSION ||
	    h[5] != 0 || h[6] != 0 || h[7] != 0) {
		return "not a version 1 revocation store";
	}
	uintmax_t nr = raw_ntoh(h + 16, 4);
	if (nr != (body.len - STORE_HEADER_SIZE) / STORE_RECORD_SIZE) {
		return "its record count does not match its size";
	}
	for (uintmax_t i = 0; i < nr; i++) {
		const char *why = read_record(h + STORE_HEADER_SIZE + i * STORE_RECORD_SIZE, now);
		if (why != NULL) {
			return why;
		}
	}
	return NULL;
}

/* revocations may be lost: refuse whatever authenticated until now */
static void fail_closed(const char *why, realtime_t now, struct logger *logger)
{
	store.lost_before = now;
	store.lost_until = realtime_add(outlives_tickets(now), pluto_resume_key_rotation);
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
	store.tickets = alloc_resume_replay_cache(RESUME_REVOKED_MAX_TICKETS);
	store.peers = alloc_resume_replay_cache(RESUME_REVOKED_MAX_PEERS);

	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	PK11SymKey *base = (slot == NULL ? NULL :
			    find_or_make_store_key(slot, &store.persistent, logger));
	if (slot != NULL) {
		PK11_FreeSlot(slot);
	}
	if (base != NULL) {
		store.mac_key = derive_hmac_key(base, FILE_MAC_INFO);
		store.peer_key = derive_hmac_key(base, PEER_HASH_INFO);
		PK11_FreeSymKey(base);
	}
	if (store.mac_key == NULL || store.peer_key == NULL) {
		/* without the NSS DB there are no tickets to refuse either */
		llog(RC_LOG, logger,
		     "session resumption: revocations are not possible: the NSS DB can not hold their key");
		store.persistent = false;
		return;
	}
	if (!store.persistent) {
		llog(RC_LOG, logger,
		     "session resumption: revocations are not kept across restarts: the NSS DB can not hold their key");
	}

	chunk_t content;
	int error;
	if (!resume_file_read(store.file, STORE_MAX_SIZE, &content, &error)) {
		if (error == ENOENT) {
			return;	/* none made yet */
		}
		fail_closed((error == EFBIG ? "larger than any store this pluto writes" :
			     strerror(error)), now, logger);
		return;
	}
	const char *why = read_store(HUNK_AS_SHUNK(content), now, logger);
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
	if (store.mac_key != NULL) {
		PK11_FreeSymKey(store.mac_key);
		store.mac_key = NULL;
	}
	if (store.peer_key != NULL) {
		PK11_FreeSymKey(store.peer_key);
		store.peer_key = NULL;
	}
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
	if (store.peer_key == NULL) {
		llog(RC_FATAL, logger,
		     "session resumption: cannot revoke the tickets of peer '%s': revocations are not possible",
		     peer);
		return false;
	}
	realtime_t expiry = outlives_tickets(now);
	uint8_t key[RESUME_TICKET_ID_SIZE];
	peer_key_of(peer, key, logger);
	if (resume_replay_renew(store.peers, key, now, expiry, now) != RESUME_REPLAY_RECORDED) {
		llog(RC_FATAL, logger,
		     "session resumption: cannot revoke the tickets of peer '%s': %u peer revocations are held already",
		     peer, resume_replay_max_entries(store.peers));
		return false;
	}
	stats.revoked_peers++;
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
	/* this IKE SA's ticket id, whether or not one was issued */
	llog(RC_LOG, ike->sa.logger,
	     "revoked any session resumption ticket issued with this IKE SA (%s)", why);
	write_store(now, ike->sa.logger);
}

enum resume_ticket_status resume_ticket_revocation(const uint8_t ticket_id[RESUME_TICKET_ID_SIZE],
						   const struct id *peer, realtime_t auth_time,
						   realtime_t now, struct logger *logger)
{
	/* the same second counts as before */
	if (realtime_cmp(store.lost_until, >, now) &&
	    !realtime_cmp(auth_time, >, store.lost_before)) {
		return RESUME_TICKET_REVOCATIONS_LOST;
	}
	if (store.tickets == NULL) {
		return RESUME_TICKET_OK;
	}
	if (resume_replay_seen(store.tickets, ticket_id, now)) {
		/* an administrator deleted the IKE SA it came with */
		return RESUME_TICKET_REVOKED;
	}
	if (store.peer_key == NULL) {
		return RESUME_TICKET_OK;
	}
	id_buf idb;
	uint8_t key[RESUME_TICKET_ID_SIZE];
	peer_key_of(str_id(peer, &idb), key, logger);
	realtime_t revoked;
	if (resume_replay_lookup(store.peers, key, now, &revoked) &&
	    !realtime_cmp(auth_time, >, revoked)) {
		/* an administrator revoked the peer by its ID since */
		return RESUME_TICKET_REVOKED;
	}
	return RESUME_TICKET_OK;
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
		    store.file, (store.persistent ? "kept across restarts" : "NOT kept across restarts"),
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
