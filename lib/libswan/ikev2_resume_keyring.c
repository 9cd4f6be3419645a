/* IKEv2 session resumption (RFC 5723) ticket key ring, for libreswan
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
#include <inttypes.h>

#include <pk11pub.h>

#include "ikev2_resume_keyring.h"
#include "ikev2_resume_keystore.h"
#include "ikev2_resume_cluster.h"
#include "ikev2_resume_ticket_seal.h"
#include "ikev2_resume_wipe.h"
#include "lswalloc.h"
#include "lswnss.h"
#include "lswlog.h"
#include "jambuf.h"
#include "passert.h"
#include "crypt_symkey.h"	/* for jam_symkey() */

/* the shortest rotation that still makes sense, and the longest lifetime */
#define MIN_ROTATION_SECONDS	1
#define MAX_TICKET_LIFETIME_SECONDS	(366 * 24 * 60 * 60)

diag_t resume_keyring_policy_check(const struct resume_keyring_policy *p)
{
	if (deltasecs(p->rotation) < MIN_ROTATION_SECONDS) {
		return diag("session-resumption-key-rotation must be at least %ds",
			    MIN_ROTATION_SECONDS);
	}
	if (deltasecs(p->ticket_lifetime) < 1 ||
	    deltasecs(p->ticket_lifetime) > MAX_TICKET_LIFETIME_SECONDS) {
		return diag("session-resumption-ticket-lifetime must be between 1s and %ds",
			    MAX_TICKET_LIFETIME_SECONDS);
	}
	if (p->label_prefix != NULL && strlen(p->label_prefix) > RESUME_KEY_LABEL_PREFIX_MAX) {
		return diag("key label prefix longer than %d characters", RESUME_KEY_LABEL_PREFIX_MAX);
	}
	/* one sealing key plus the keys still opening tickets */
	intmax_t keys = (deltasecs(p->ticket_lifetime) + deltasecs(p->rotation) - 1) /
		deltasecs(p->rotation) + 1;
	if (keys > RESUME_KEYRING_MAX_KEYS) {
		return diag("session-resumption-ticket-lifetime/session-resumption-key-rotation needs %jd keys, more than %d",
			    keys, RESUME_KEYRING_MAX_KEYS);
	}
	return NULL;
}

realtime_t resume_key_expires(const struct resume_keyring *ring,
			      const struct resume_key *key)
{
	return realtime_add(realtime_add(key->created, ring->policy.rotation),
			    ring->policy.ticket_lifetime);
}

/*
 * The newest key inside its rotation interval seals; after a rotation
 * that is the new key and the older ones only open.  A key from the
 * future (a cluster's next epoch) only opens; in a cluster only
 * cluster keys seal.
 */
static const struct resume_key *current_sealing_key(const struct resume_keyring *ring,
						    realtime_t now)
{
	for (unsigned i = ring->nr_keys; i > 0; i--) {
		const struct resume_key *key = &ring->keys[i - 1];
		uint32_t epoch;
		if (ring->policy.cluster && !resume_cluster_key_epoch(key, &epoch)) {
			continue;
		}
		if (realtime_cmp(key->created, <=, now) &&
		    realtime_cmp(now, <, realtime_add(key->created, ring->policy.rotation))) {
			return key;
		}
	}
	return NULL;
}

enum resume_key_role resume_key_role(const struct resume_keyring *ring,
				     const struct resume_key *key, realtime_t now)
{
	if (realtime_cmp(now, >=, resume_key_expires(ring, key))) {
		return RESUME_KEY_EXPIRED;
	}
	return (key == current_sealing_key(ring, now) ? RESUME_KEY_SEALS : RESUME_KEY_OPENS);
}

static void jam_key_id(struct jambuf *buf, const struct resume_key *key)
{
	jam_hex_bytes(buf, key->id, sizeof(key->id));
}

void jam_resume_key(struct jambuf *buf, const struct resume_keyring *ring,
		    const struct resume_key *key, realtime_t now)
{
	static const char *const roles[] = {
		[RESUME_KEY_SEALS] = "seals+opens",
		[RESUME_KEY_OPENS] = "opens",
		[RESUME_KEY_EXPIRED] = "expired",
	};
	jam_string(buf, "id ");
	jam_key_id(buf, key);
	jam_string(buf, "; created ");
	jam_realtime(buf, key->created, /*utc*/true);
	jam_string(buf, "; role ");
	jam_string(buf, roles[resume_key_role(ring, key, now)]);
	jam_string(buf, "; expires ");
	jam_realtime(buf, resume_key_expires(ring, key), /*utc*/true);
}

static const char *label_prefix(const struct resume_keyring *ring)
{
	return (ring->policy.label_prefix != NULL ? ring->policy.label_prefix :
		RESUME_KEY_LABEL_PREFIX);
}

void resume_keyring_delete_key(struct resume_keyring *ring, unsigned i, const char *why,
			       lset_t stream, struct logger *logger)
{
	passert(i < ring->nr_keys);
	struct resume_key *key = &ring->keys[i];
	LLOG_JAMBUF(stream, logger, buf) {
		jam_string(buf, "deleting session resumption key ");
		jam_key_id(buf, key);
		jam(buf, " (%s)", why);
	}
	resume_key_delete_from_token(key, logger);
	memmove(&ring->keys[i], &ring->keys[i + 1],
		(ring->nr_keys - i - 1) * sizeof(ring->keys[0]));
	ring->nr_keys--;
}

static const struct resume_key *insert_key(struct resume_keyring *ring, struct resume_key key)
{
	passert(ring->nr_keys < RESUME_KEYRING_MAX_KEYS);
	unsigned i = ring->nr_keys;
	/* keep oldest first */
	while (i > 0 && realtime_cmp(ring->keys[i - 1].created, >, key.created)) {
		ring->keys[i] = ring->keys[i - 1];
		i--;
	}
	ring->keys[i] = key;
	ring->nr_keys++;
	return &ring->keys[i];
}

diag_t resume_keyring_add_new_key(struct resume_keyring *ring, struct resume_key key,
				  realtime_t now, struct logger *logger)
{
	diag_t d = resume_key_label_and_derive(&key, label_prefix(ring));
	if (d != NULL) {
		return d;
	}
	if (ring->nr_keys == RESUME_KEYRING_MAX_KEYS) {
		/* the policy check makes this unreachable but for a cluster catching up */
		resume_keyring_delete_key(ring, 0, "key ring full", RC_LOG, logger);
	}
	const struct resume_key *added = insert_key(ring, key);
	lset_t stream = (resume_key_role(ring, added, now) == RESUME_KEY_EXPIRED ? DEBUG_STREAM : RC_LOG);
	LLOG_JAMBUF(stream, logger, buf) {
		jam_string(buf, "created session resumption key ");
		jam_resume_key(buf, ring, added, now);
	}
	return NULL;
}

static diag_t create_key(struct resume_keyring *ring, realtime_t now,
			 struct logger *logger)
{
	if (ring->policy.cluster) {
		return resume_cluster_advance_ratchet(ring, now, logger);
	}
	struct resume_key key;
	diag_t d = resume_key_generate(ring->slot, &key, now, logger);
	if (d != NULL) {
		return d;
	}
	return resume_keyring_add_new_key(ring, key, now, logger);
}

/* a key found in the token when the ring opens */
static void add_stored_key(struct resume_key key, void *context, struct logger *logger)
{
	struct resume_keyring *ring = context;
	if (ring->nr_keys == RESUME_KEYRING_MAX_KEYS) {
		resume_keyring_delete_key(ring, 0, "more keys than the ring holds", RC_LOG, logger);
	}
	insert_key(ring, key);
}

diag_t resume_keyring_open(struct resume_keyring **ringp, PK11SlotInfo *slot,
			   const struct resume_keyring_policy *policy,
			   const struct resume_cluster_seed *seed,
			   realtime_t now, struct logger *logger)
{
	*ringp = NULL;
	diag_t d = resume_keyring_policy_check(policy);
	if (d != NULL) {
		return d;
	}
	struct resume_keyring *ring = alloc_thing(struct resume_keyring, "resume keyring");
	ring->slot = PK11_ReferenceSlot(slot);
	ring->policy = *policy;

	resume_keystore_load(slot, label_prefix(ring), add_stored_key, ring, logger);
	if (policy->cluster && seed != NULL) {
		if (resume_cluster_seeded(ring)) {
			llog(RC_LOG, logger,
			     "session resumption: cluster ticket keys already in the NSS DB; the seed is not needed any more: delete it");
		} else if ((d = resume_cluster_seed_ring(ring, seed, now, logger)) != NULL) {
			resume_keyring_close(&ring);
			return d;
		}
	}
	resume_keyring_refresh(ring, now, logger);
	if (resume_keyring_advance_to_sealing_key(ring, now, logger) == NULL) {
		resume_keyring_close(&ring);
		return diag("no session resumption key can be created in the NSS DB");
	}
	if (ring->policy.label_prefix == NULL) {
		llog(RC_LOG, logger, "session resumption: %u ticket key(s) in the NSS DB", ring->nr_keys);
	} else {
		llog(RC_LOG, logger, "session resumption: %u key(s) labelled %s... in the NSS DB",
		     ring->nr_keys, ring->policy.label_prefix);
	}
	*ringp = ring;
	return NULL;
}

void resume_keyring_close(struct resume_keyring **ringp)
{
	struct resume_keyring *ring = *ringp;
	if (ring == NULL) {
		return;
	}
	for (unsigned i = 0; i < ring->nr_keys; i++) {
		resume_key_release(&ring->keys[i]);
	}
	PK11_FreeSlot(ring->slot);
	pfree(ring);
	*ringp = NULL;
}

/* in a cluster, advance the ratchet up to the next epoch; false after logging */
static bool advance_cluster_ratchet(struct resume_keyring *ring, realtime_t now,
				    struct logger *logger)
{
	if (!ring->policy.cluster) {
		return true;
	}
	/* cheap when already at the next epoch */
	diag_t d = resume_cluster_advance_ratchet(ring, now, logger);
	if (d != NULL) {
		llog(RC_LOG, logger, "session resumption: %s", str_diag(d));
		pfree_diag(&d);
		return false;
	}
	return true;
}

const struct resume_key *resume_keyring_advance_to_sealing_key(struct resume_keyring *ring,
							       realtime_t now,
							       struct logger *logger)
{
	if (!advance_cluster_ratchet(ring, now, logger)) {
		return NULL;
	}
	const struct resume_key *key = current_sealing_key(ring, now);
	if (key != NULL) {
		return key;
	}
	resume_keyring_expire(ring, now, logger);
	diag_t d = create_key(ring, now, logger);
	if (d != NULL) {
		llog(RC_LOG, logger, "session resumption: %s", str_diag(d));
		pfree_diag(&d);
		return NULL;
	}
	return &ring->keys[ring->nr_keys - 1];
}

const struct resume_key *resume_keyring_find(const struct resume_keyring *ring,
					     const uint8_t id[RESUME_TICKET_KEY_ID_SIZE],
					     realtime_t now)
{
	for (unsigned i = 0; i < ring->nr_keys; i++) {
		const struct resume_key *key = &ring->keys[i];
		if (memeq(key->id, id, sizeof(key->id))) {
			return (resume_key_role(ring, key, now) == RESUME_KEY_EXPIRED ? NULL : key);
		}
	}
	return NULL;
}

void resume_keyring_expire(struct resume_keyring *ring, realtime_t now,
			   struct logger *logger)
{
	for (unsigned i = 0; i < ring->nr_keys; ) {
		if (resume_key_role(ring, &ring->keys[i], now) == RESUME_KEY_EXPIRED) {
			resume_keyring_delete_key(ring, i, "every ticket it sealed has expired", RC_LOG, logger);
		} else {
			i++;
		}
	}
}

void resume_keyring_refresh(struct resume_keyring *ring, realtime_t now,
			    struct logger *logger)
{
	advance_cluster_ratchet(ring, now, logger);
	resume_keyring_expire(ring, now, logger);
}

diag_t resume_keyring_rotate(struct resume_keyring *ring, realtime_t now,
			     struct logger *logger)
{
	if (ring->policy.cluster) {
		return diag("cluster ticket keys rotate with the clock, every session-resumption-key-rotation");
	}
	resume_keyring_expire(ring, now, logger);
	return create_key(ring, now, logger);
}

void resume_keyring_purge(struct resume_keyring *ring, struct logger *logger)
{
	while (ring->nr_keys > 0) {
		resume_keyring_delete_key(ring, ring->nr_keys - 1,
					  "purged: every ticket it sealed is revoked",
					  RC_LOG, logger);
	}
}

chunk_t resume_keyring_advance_and_seal_ticket(struct resume_keyring *ring,
					       const struct resume_ticket_state *state,
					       PK11SymKey *sk_d,
					       realtime_t now, struct logger *logger)
{
	const struct resume_key *sealing = resume_keyring_advance_to_sealing_key(ring, now, logger);
	if (sealing == NULL) {
		return empty_chunk;
	}
	struct resume_key *key = &ring->keys[sealing - ring->keys];
	uint8_t wrapped_sk_d[RESUME_TICKET_MAX_SK_D_SIZE + RESUME_TICKET_WRAP_OVERHEAD];
	SECItem wrapped = same_chunk_as_secitem(THING_AS_CHUNK(wrapped_sk_d), siBuffer);
	if (PK11_WrapSymKey(CKM_AES_KEY_WRAP_KWP, NULL,
			    resume_key_copy_wrapkey_to_slot_of(key, sk_d), sk_d,
			    &wrapped) != SECSuccess) {
		llog_nss_error(RC_LOG, logger, "wrapping SK_d for a session resumption ticket failed");
		return empty_chunk;
	}
	struct resume_ticket_state with_sk_d = *state;
	with_sk_d.sk_d = same_secitem_as_shunk(wrapped);
	chunk_t plaintext = resume_ticket_encode_state(&with_sk_d);
	chunk_t ticket = resume_ticket_seal(key->symkey, key->id,
					    HUNK_AS_SHUNK(plaintext), logger);
	free_resume_ticket_plaintext(&plaintext);
	wipe_secret_thing(wrapped_sk_d);
	return ticket;
}

enum resume_ticket_status resume_keyring_open_ticket(const struct resume_keyring *ring,
						     shunk_t ticket, realtime_t now,
						     chunk_t *plaintext,
						     struct resume_ticket_state *state,
						     PK11SymKey **sk_d, struct logger *logger)
{
	*plaintext = empty_chunk;
	*sk_d = NULL;
	/* cheapest checks first: no crypto for junk */
	struct resume_ticket_header header;
	enum resume_ticket_status status = resume_ticket_parse_header(ticket, &header);
	if (status != RESUME_TICKET_OK) {
		return status;
	}
	const struct resume_key *key = resume_keyring_find(ring, header.key_id, now);
	if (key == NULL) {
		return RESUME_TICKET_UNKNOWN_KEY;
	}
	status = resume_ticket_open(key->symkey, ticket, plaintext);
	if (status != RESUME_TICKET_OK) {
		return status;
	}
	status = resume_ticket_decode_state(HUNK_AS_SHUNK(*plaintext), state);
	if (status == RESUME_TICKET_OK &&
	    (uint64_t)now.rt.tv_sec >= state->expiry) {
		status = RESUME_TICKET_EXPIRED;
	}
	if (status == RESUME_TICKET_OK) {
		/* the bytes SK_d was when this key wrapped it */
		SECItem wrapped = same_shunk_as_secitem(state->sk_d, siBuffer);
		/* the type IKEv2's derivations expect of SK_d */
		/* into IKE's slot, once a full handshake has shown where */
		*sk_d = PK11_UnwrapSymKey((key->ike_wrapkey != NULL ? key->ike_wrapkey : key->wrapkey),
					  CKM_AES_KEY_WRAP_KWP, NULL,
					  &wrapped, CKM_EXTRACT_KEY_FROM_KEY, CKA_DERIVE,
					  /*from the wrapped length*/0);
		if (*sk_d == NULL) {
			status = RESUME_TICKET_BAD_SK_D;
		} else if (DBGP(DBG_REFCNT)) {
			/* as crypt_derive() announces the keys it makes */
			LLOG_JAMBUF(DEBUG_STREAM, logger, buf) {
				jam_string(buf, "newref ");
				jam_symkey(buf, "ticket SK_d", *sk_d);
			}
		}
	}
	if (status != RESUME_TICKET_OK) {
		free_resume_ticket_plaintext(plaintext);
		zero(state);
	}
	return status;
}
